#!/usr/bin/env bash
# ensemble.sh: a three-server ZooKeeper ensemble on this machine, run by hand, as the original course runs one on
# three VMs. The servers are chapter 01's: the ZooKeeper in 01-install/zookeeper (installed on first use), each
# started by 01-install/bin/zkServer.sh with a config of its own.
#
#   ensemble.sh setup              make 06-cluster/ensemble/: zoo-1.cfg..zoo-3.cfg (from conf/), server-N/data/myid
#   ensemble.sh start  [N|all]     start server N, or all three in turn (1, 2, 3): zkServer.sh start zoo-N.cfg
#   ensemble.sh stop   [N|all]     stop gracefully (SIGTERM), as zkServer.sh stop does
#   ensemble.sh kill   N|all       kill -9: a crash, no goodbye to the others
#   ensemble.sh freeze N           kill -STOP: a hung server, its connections open, answering nothing
#   ensemble.sh thaw   N           kill -CONT: it goes on where it stopped
#   ensemble.sh status [N|all]     each server's mode, from its own answer to srvr (as zkServer.sh status):
#                                  leader, follower, observer, not serving, frozen, not running
#   ensemble.sh reset              stop every server and delete 06-cluster/ensemble (setup makes it again)
#
# Where the ensemble lives: $ENSEMBLE_DIR, default 06-cluster/ensemble (ignored by git); the servers' logs are in
# its logs/. Its layout, chosen by setup: each server its own loopback address (127.0.0.11-13) with the original
# ports, on Linux; 127.0.0.1 and ports of its own (2191-2193, 2881-2883, 3881-3883) elsewhere, such as macOS.
# ENSEMBLE_LAYOUT=addresses|ports chooses one yourself.
set -u

USAGE="usage: ensemble.sh {setup|start|stop|kill|freeze|thaw|status|reset} [1|2|3|all]"
CHAPTER=$(cd "$(dirname "$0")/.." && pwd)
WORKSPACE=$(cd "$CHAPTER/.." && pwd)
ZK_SERVER_SH="$WORKSPACE/01-install/bin/zkServer.sh"
ENSEMBLE_DIR=${ENSEMBLE_DIR:-$CHAPTER/ensemble}
SERVERS="1 2 3"
# Chapter 01's helpers: zk_die (one line on stderr, then exit), zk_cfg_get (a zoo.cfg value), zk_port_open.
. "$WORKSPACE/01-install/bin/zkEnv.sh"

# A path as the student sees it: relative to the workspace when it lies inside.
shown() {
  case "$1" in "$WORKSPACE"/*) echo "${1#"$WORKSPACE"/}" ;; *) echo "$1" ;; esac
}

config_of() { echo "$ENSEMBLE_DIR/zoo-$1.cfg"; }

# Chapter 01's ZooKeeper: $ZOOKEEPER_HOME when set, else 01-install/zookeeper, installed there on first use.
ensure_installed() {
  if [ -n "${ZOOKEEPER_HOME:-}" ]; then
    ls "$ZOOKEEPER_HOME"/lib/zookeeper-[0-9]*.jar >/dev/null 2>&1 \
      || zk_die "ZOOKEEPER_HOME=$ZOOKEEPER_HOME holds no ZooKeeper: run 01-install/bin/install.sh $ZOOKEEPER_HOME, or unset it"
    return
  fi
  if ! ls "$WORKSPACE"/01-install/zookeeper/lib/zookeeper-[0-9]*.jar >/dev/null 2>&1; then
    echo "First use: installing ZooKeeper into 01-install/zookeeper with 01-install/bin/install.sh (chapter 01)"
    "$WORKSPACE/01-install/bin/install.sh" >/dev/null || zk_die "01-install/bin/install.sh failed: run it yourself to see why"
  fi
}

# The servers a command works on: one number, or all three (checked by main before anything runs).
targets() {
  if [ "$1" = all ]; then echo "$SERVERS"; else echo "$1"; fi
}

# The process id of server N when it runs (its pid file, written by zkServer.sh, names a live QuorumPeerMain).
server_pid() {
  local config data pid
  config=$(config_of "$1")
  [ -f "$config" ] || return 1
  data=$(zk_cfg_get dataDir "$config")
  [ -f "$data/zookeeper_server.pid" ] || return 1
  pid=$(cat "$data/zookeeper_server.pid" 2>/dev/null)
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
    && ps -o args= -p "$pid" 2>/dev/null | grep -q QuorumPeerMain && echo "$pid"
}

# True when the process is stopped (SIGSTOP): ps shows its state as T.
is_frozen() {
  case "$(ps -o stat= -p "$1" 2>/dev/null)" in *T*) return 0 ;; *) return 1 ;; esac
}

# Runs chapter 01's zkServer.sh on server N's config, its log in the ensemble's logs/, each line marked "server N:".
zk_server() {
  local n=$1 command=$2 code
  ZOO_LOG_DIR="$ENSEMBLE_DIR/logs" "$ZK_SERVER_SH" "$command" "$(config_of "$n")" 2>&1 \
    | grep -v '^Using config: ' | sed "s/^/server $n: /"
  code=${PIPESTATUS[0]}
  return "$code"
}

setup() {
  local layout=${ENSEMBLE_LAYOUT:-}
  if [ -z "$layout" ]; then
    if [ "$(uname -s)" = Linux ]; then layout=addresses; else layout=ports; fi
  fi
  case "$layout" in
    addresses) echo "Setting up the ensemble in $(shown "$ENSEMBLE_DIR"): each server its own loopback address, 127.0.0.11-13" ;;
    ports) echo "Setting up the ensemble in $(shown "$ENSEMBLE_DIR"): every server on 127.0.0.1 with ports of its own" ;;
    *) zk_die "ENSEMBLE_LAYOUT=$layout: use addresses (Linux: 127.0.0.11-13) or ports (127.0.0.1, 219N/288N/388N)" 2 ;;
  esac
  mkdir -p "$ENSEMBLE_DIR/logs" || zk_die "cannot create $ENSEMBLE_DIR: set ENSEMBLE_DIR to a directory you can write"
  local n config data
  for n in $SERVERS; do
    config=$(config_of "$n")
    if [ -f "$config" ]; then
      echo "  zoo-$n.cfg            kept (yours to edit; setup never overwrites it)"
    else
      write_config "$n" "$layout" > "$config"
      echo "  zoo-$n.cfg            from conf/zoo-$n.cfg, clients at $(zk_cfg_get clientPortAddress "$config"):$(zk_cfg_get clientPort "$config")"
    fi
    data=$(zk_cfg_get dataDir "$config")
    mkdir -p "$data" || zk_die "cannot create dataDir $data of $(shown "$config")"
    if [ -f "$data/myid" ]; then
      echo "  server-$n/data/myid   kept: $(cat "$data/myid")"
    else
      echo "$n" > "$data/myid"
      echo "  server-$n/data/myid   $n"
    fi
  done
  echo "  logs/                the servers' logs"
  echo "Done. Start the servers with: 06-cluster/bin/ensemble.sh start"
}

# conf/zoo-N.cfg with dataDir filled in; for the ports layout, 127.0.0.1 and ports of its own for every server.
write_config() {
  local n=$1 layout=$2 line m
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line//@ENSEMBLE_DIR@/$ENSEMBLE_DIR}
    if [ "$layout" = ports ]; then
      case "$line" in
        "clientPortAddress=127.0.0.1$n") line="clientPortAddress=127.0.0.1" ;;
        "clientPort=2181") line="clientPort=219$n" ;;
      esac
      for m in $SERVERS; do
        [ "$line" = "server.$m=127.0.0.1$m:2881:3881" ] && line="server.$m=127.0.0.1:288$m:388$m"
      done
    fi
    printf '%s\n' "$line"
  done < "$CHAPTER/conf/zoo-$n.cfg"
}

# Everything that must hold before server N may start; each mistake is named in one line.
check_can_start() {
  local n=$1 config data myid line address other
  config=$(config_of "$n")
  [ -f "$config" ] || zk_die "no $(shown "$config"): run 06-cluster/bin/ensemble.sh setup first"
  data=$(zk_cfg_get dataDir "$config")
  [ -f "$data/myid" ] || zk_die "server $n: $data/myid is missing: a server learns its number from it (ensemble.sh setup writes it, or: echo $n > $data/myid)"
  myid=$(tr -d '[:space:]' < "$data/myid")
  grep -q "^[[:space:]]*server\.$myid[[:space:]]*=" "$config" 2>/dev/null && [[ "$myid" =~ ^[0-9]+$ ]] \
    || zk_die "server $n: $data/myid says '$myid', but $(shown "$config") has no server.$myid line: myid must be the number of this server's server.N line ($n here)"
  [ "$myid" = "$n" ] \
    || zk_die "server $n: $data/myid says $myid, but this is server $n: two servers with the same number would fight over one place in the ensemble (write $n into it)"
  # Two servers on one port: the quorum and election ports of the server.N lines, then the clients' addresses.
  other=$(awk -F= '/^[[:space:]]*server\.[0-9]+[[:space:]]*=/ {
        name = $1; gsub(/[[:space:]]/, "", name); value = $2; gsub(/[[:space:]]/, "", value)
        split(value, part, ":"); split(part[3], election, ";")
        print part[1] ":" part[2], name; print part[1] ":" election[1], name }' "$config" \
    | sort | awk '$1 == previous { print previous " is used by " owner " and " $2; exit } { previous = $1; owner = $2 }')
  [ -z "$other" ] || zk_die "$(shown "$config"): $other: every server needs its own address (Linux) or its own ports (macOS)"
  address="$(zk_cfg_get clientPortAddress "$config"):$(zk_cfg_get clientPort "$config")"
  for other in $SERVERS; do
    [ "$other" != "$n" ] && [ -f "$(config_of "$other")" ] || continue
    [ "$(zk_cfg_get clientPortAddress "$(config_of "$other")"):$(zk_cfg_get clientPort "$(config_of "$other")")" != "$address" ] \
      || zk_die "zoo-$n.cfg and zoo-$other.cfg both give clients $address: every server needs its own address (Linux) or its own clientPort (macOS)"
  done
  # This server's own quorum and election ports: taken by another program, the server would fail after a while.
  line=$(sed -n "s/^[[:space:]]*server\.$n[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1)
  address=${line%%:*}
  for other in "$(echo "$line" | cut -d: -f2) quorum" "$(echo "$line" | cut -d: -f3 | cut -d';' -f1) election"; do
    set -- $other
    if zk_port_open "$address" "$1"; then
      zk_die "server $n: $address:$1 (its $2 port) is already in use by another program: stop it, or change server.$n in every zoo-N.cfg"
    fi
  done
}

start() {
  local n pid
  for n in $(targets "$1"); do
    if pid=$(server_pid "$n"); then
      echo "server $n: already running as process $pid"
      continue
    fi
    check_can_start "$n"
    zk_server "$n" start || exit 1
  done
}

stop() {
  local n pid
  for n in $(targets "$1"); do
    pid=$(server_pid "$n") && kill -CONT "$pid" 2>/dev/null # a frozen server would not act on SIGTERM
    zk_server "$n" stop
  done
}

kill_servers() {
  local n pid
  for n in $(targets "$1"); do
    if ! pid=$(server_pid "$n"); then
      echo "server $n: not running"
      continue
    fi
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "server $n: killed process $pid (SIGKILL): it ended at once, without a word to the others"
  done
}

# freeze and thaw: SIGSTOP and SIGCONT for one server.
signal_server() {
  local name=$1 n=$2 pid
  pid=$(server_pid "$n") || zk_die "server $n is not running: nothing to $name"
  if [ "$name" = freeze ]; then
    kill -STOP "$pid"
    echo "server $n: froze process $pid (SIGSTOP): its connections stay open, it answers nothing; ensemble.sh thaw $n resumes it"
  else
    kill -CONT "$pid"
    echo "server $n: thawed process $pid (SIGCONT): it goes on where it stopped"
  fi
}

status() {
  local n config pid answer mode all_serve=0
  for n in $(targets "$1"); do
    config=$(config_of "$n")
    [ -f "$config" ] || zk_die "no $(shown "$config"): run 06-cluster/bin/ensemble.sh setup first"
    pid=$(server_pid "$n")
    if [ -n "$pid" ] && is_frozen "$pid"; then
      mode="frozen (process $pid is stopped and answers nothing: ensemble.sh thaw $n)"
    else
      answer=$(zk_server "$n" status)
      case "$answer" in
        *"Mode: "*) mode=${answer##*Mode: } ;;
        *"does not serve requests"*) mode="not serving (it runs, but it does not see a majority of the servers)" ;;
        *) if [ -n "$pid" ]; then mode="not answering (process $pid runs: still starting?)"; else mode="not running"; fi ;;
      esac
    fi
    case "$mode" in leader|follower|observer) ;; *) all_serve=1 ;; esac
    printf 'server %s  %-17s  %s\n' "$n" "$(zk_cfg_get clientPortAddress "$config"):$(zk_cfg_get clientPort "$config")" "$mode"
  done
  return "$all_serve"
}

reset() {
  if [ ! -d "$ENSEMBLE_DIR" ]; then
    echo "Nothing to reset: $(shown "$ENSEMBLE_DIR") does not exist"
    return 0
  fi
  local entry
  for entry in "$ENSEMBLE_DIR"/* "$ENSEMBLE_DIR"/.[!.]*; do
    [ -e "$entry" ] || continue
    case "$(basename "$entry")" in zoo-[123].cfg|server-[123]|logs) ;; *)
      zk_die "$(shown "$ENSEMBLE_DIR") holds $(basename "$entry"), which setup did not make: delete it yourself" ;;
    esac
  done
  local n pid
  for n in $SERVERS; do
    if pid=$(server_pid "$n"); then
      kill -CONT "$pid" 2>/dev/null
      zk_server "$n" stop
    fi
  done
  rm -rf "$ENSEMBLE_DIR"
  echo "Deleted $(shown "$ENSEMBLE_DIR"): configs, data and logs. ensemble.sh setup makes it again."
}

main() {
  [ $# -ge 1 ] || zk_die "no command given. $USAGE" 2
  [ $# -le 2 ] || zk_die "too many arguments. $USAGE" 2
  case "$1:${2:-}" in
    setup:|reset:|start:|stop:|status:|start:[123]|stop:[123]|status:[123]|kill:[123]|freeze:[123]|thaw:[123]) ;;
    start:all|stop:all|status:all|kill:all) ;;
    setup:*|reset:*) zk_die "$1 takes no server. $USAGE" 2 ;;
    kill:) zk_die "kill needs a server: 1, 2, 3 or all. $USAGE" 2 ;;
    freeze:|thaw:|freeze:all|thaw:all) zk_die "$1 needs one server: 1, 2 or 3. $USAGE" 2 ;;
    start:*|stop:*|status:*|kill:*|freeze:*|thaw:*) zk_die "no server '$2': give 1, 2, 3 or all. $USAGE" 2 ;;
  esac
  case "$1" in
    setup) setup ;;
    reset) reset ;;
    start) ensure_installed; start "${2:-all}" ;;
    stop) ensure_installed; stop "${2:-all}" ;;
    kill) kill_servers "$2" ;;
    freeze|thaw) signal_server "$1" "$2" ;;
    status) ensure_installed; status "${2:-all}" ;;
    *) zk_die "unknown command '$1'. $USAGE" 2 ;;
  esac
}

main "$@"
