#!/usr/bin/env bash
# zkServer.sh: start, stop and ask a ZooKeeper server, with the subcommands of the official script.
#
#   zkServer.sh start [zoo.cfg]             start in the background; returns once the server answers
#   zkServer.sh start-foreground [zoo.cfg]  run in this terminal, logging here; Ctrl-C stops it
#   zkServer.sh stop [zoo.cfg]              stop gracefully (SIGTERM), forcibly after $ZK_STOP_TIMEOUT s
#   zkServer.sh restart [zoo.cfg]           stop, then start
#   zkServer.sh status [zoo.cfg]            print "Mode: standalone|leader|follower" (exit 1: not running)
#   zkServer.sh version                     print the ZooKeeper version of the jars
#
# The config is <home>/conf/zoo.cfg unless given: a path, or a file name inside <home>/conf.
# The server runs org.apache.zookeeper.server.quorum.QuorumPeerMain (a standalone server when zoo.cfg names
# no other servers), writes its process id to <dataDir>/zookeeper_server.pid and its log to
# <home>/logs/zookeeper-<config name>.out.
set -u
. "$(dirname "$0")/zkEnv.sh"

USAGE="usage: zkServer.sh {start|start-foreground|stop|restart|status|version} [config file]"
START_TIMEOUT=${ZK_START_TIMEOUT:-30}
STOP_TIMEOUT=${ZK_STOP_TIMEOUT:-10}
MAIN_CLASS=org.apache.zookeeper.server.quorum.QuorumPeerMain

# Every key ZooKeeper 3.9 reads from zoo.cfg. Anything else it silently turns into a system property
# "zookeeper.<key>", so a typo ("clientport", "datadir") is ignored without a word: we warn instead.
KNOWN_KEYS=" tickTime initLimit syncLimit dataDir dataLogDir clientPort clientPortAddress secureClientPort
 secureClientPortAddress clientPortListenBacklog maxClientCnxns minSessionTimeout maxSessionTimeout
 autopurge.snapRetainCount autopurge.purgeInterval electionAlg peerType syncEnabled dynamicConfigFile
 reconfigEnabled standaloneEnabled localSessionsEnabled localSessionsUpgradingEnabled quorumListenOnAllIPs
 connectToLearnerMasterLimit observerMasterPort portUnification sslQuorum sslQuorumReloadCertFiles
 multiAddress.enabled multiAddress.reachabilityCheckEnabled multiAddress.reachabilityCheckTimeoutMs
 quorum.auth.enableSasl quorum.auth.learnerRequireSasl quorum.auth.serverRequireSasl
 quorum.auth.learner.saslLoginContext quorum.auth.server.saslLoginContext quorum.auth.kerberos.servicePrincipal
 quorum.cnxn.threads.size jvm.pause.monitor jvm.pause.sleep.time.ms jvm.pause.warn-threshold.ms
 jvm.pause.info-threshold.ms oraclePath
 4lw.commands.whitelist snapCount snapSizeLimitInKb txnLogSizeLimitInKb commitLogCount preAllocSize
 globalOutstandingLimit forceSync fsync.warningthresholdms maxCnxns leaderServes cnxTimeout
 electionPortBindRetry tcpKeepAlive clientTcpKeepAlive skipACL serverCnxnFactory audit.enable
 digest.enabled snapshot.trust.empty snapshot.compression.method enforceQuota flushDelay
 maxWriteQueuePollTime maxBatchSize requestThrottleLimit requestThrottleStallTime requestThrottleDropStale
 learnerRequestThrottleLimit throttledOpWaitTime largeRequestMaxBytes largeRequestThreshold
 outstandingHandshake.limit extendedTypesEnabled emulate353TTLNodes watchManagerName
 maxResponseCacheSize maxGetChildrenResponseCacheSize syncLimit.learner closeSessionTxn.enabled "

main() {
  [ $# -ge 1 ] || zk_die "no command given. $USAGE" 2
  [ $# -le 2 ] || zk_die "too many arguments. $USAGE" 2
  local command=$1
  case "$command" in
    start|start-foreground|stop|restart|status|version) ;;
    *) zk_die "unknown command '$command'. $USAGE" 2 ;;
  esac
  zk_require_install
  if [ "$command" = version ]; then
    "$JAVA" -cp "$ZK_CLASSPATH" org.apache.zookeeper.version.VersionInfoMain
    exit $?
  fi
  read_config "${2:-}"
  case "$command" in
    start) start ;;
    start-foreground) start_foreground ;;
    stop) stop ;;
    restart) stop && start ;;
    status) status ;;
  esac
}

# Finds the config file and reads what the script needs from it, or stops with what is wrong.
read_config() {
  if [ -z "$1" ]; then
    ZOOCFG="$ZK_HOME/conf/zoo.cfg"
    [ -f "$ZOOCFG" ] || zk_die "no config file $ZOOCFG: run 01-install/bin/install.sh, or give a zoo.cfg path"
  elif [ -f "$1" ]; then
    ZOOCFG=$1
  elif [ -f "$ZK_HOME/conf/$1" ]; then
    ZOOCFG="$ZK_HOME/conf/$1"
  else
    zk_die "config file '$1' does not exist: give the path of a zoo.cfg, or leave it out to use $ZK_HOME/conf/zoo.cfg"
  fi
  ZOOCFG="$(cd "$(dirname "$ZOOCFG")" && pwd)/$(basename "$ZOOCFG")"
  echo "Using config: $ZOOCFG"

  DATA_DIR=$(zk_cfg_get dataDir "$ZOOCFG")
  [ -n "$DATA_DIR" ] || zk_die "$ZOOCFG: dataDir is not set: add a line dataDir=/path/to/data (never /tmp)"
  case "$DATA_DIR" in
    *@DATA_DIR@*) zk_die "$ZOOCFG: dataDir still holds the template's @DATA_DIR@: set it to a directory of yours" ;;
  esac
  CLIENT_PORT=$(zk_cfg_get clientPort "$ZOOCFG")
  [ -n "$CLIENT_PORT" ] || zk_die "$ZOOCFG: clientPort is not set: add a line clientPort=2181"
  if ! [[ "$CLIENT_PORT" =~ ^[0-9]+$ ]] || [ "$CLIENT_PORT" -lt 1 ] || [ "$CLIENT_PORT" -gt 65535 ]; then
    zk_die "$ZOOCFG: clientPort '$CLIENT_PORT' is not a port number (1-65535)"
  fi
  CLIENT_ADDRESS=$(zk_cfg_get clientPortAddress "$ZOOCFG")
  # A server listening on every interface (no clientPortAddress, or 0.0.0.0) is reached on loopback.
  case "${CLIENT_ADDRESS:-0.0.0.0}" in
    0.0.0.0|::|'[::]') PROBE_ADDRESS=127.0.0.1 ;;
    *) PROBE_ADDRESS=$CLIENT_ADDRESS ;;
  esac
  PID_FILE="$DATA_DIR/zookeeper_server.pid"
  LOG_DIR=${ZOO_LOG_DIR:-$ZK_HOME/logs}
  LOG_FILE="$LOG_DIR/zookeeper-$(basename "$ZOOCFG" .cfg).out"
  # A config with server.N lines starts an ensemble member (chapter 06, to come), which serves only with a quorum.
  if grep -q '^[[:space:]]*server\.[0-9]' "$ZOOCFG"; then ENSEMBLE=yes; else ENSEMBLE=no; fi
}

# Warns about every key of zoo.cfg that ZooKeeper does not know (it would silently ignore it).
warn_unknown_keys() {
  local number=0 line key
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    line=${line#"${line%%[![:space:]]*}"}
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%=*}
    key=${key%"${key##*[![:space:]]}"}
    case "$key" in
      server.[0-9]*|group.[0-9]*|weight.[0-9]*|ssl.*|admin.*|authProvider.*|metricsProvider.*|zookeeper.*) continue ;;
    esac
    case "$KNOWN_KEYS" in *" $key "*) continue ;; esac
    zk_warn "$ZOOCFG line $number: unknown setting '$key' is ignored by ZooKeeper$(did_you_mean "$key")"
  done < "$ZOOCFG"
}

# ", did you mean clientPort?" when the unknown key differs from a known one only in letter case.
did_you_mean() {
  local lower known
  lower=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')
  for known in $KNOWN_KEYS; do
    if [ "$(printf '%s' "$known" | tr '[:upper:]' '[:lower:]')" = "$lower" ]; then
      printf ' (did you mean %s?)' "$known"
      return
    fi
  done
}

# The pid in the pid file when that process is still a ZooKeeper server; removes a stale pid file.
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" 2>/dev/null | grep -q "$MAIN_CLASS"; then
    echo "$pid"
    return 0
  fi
  rm -f "$PID_FILE"
  return 1
}

# Everything that must hold before a server may start.
check_can_start() {
  warn_unknown_keys
  local pid
  if pid=$(running_pid); then
    zk_die "already running as process $pid."
  fi
  if zk_port_open "$PROBE_ADDRESS" "$CLIENT_PORT"; then
    zk_die "client port $CLIENT_PORT on $PROBE_ADDRESS is already in use by another program: stop it, or set another clientPort in $ZOOCFG"
  fi
  mkdir -p "$DATA_DIR" 2>/dev/null || zk_die "cannot create dataDir $DATA_DIR: choose a directory you can write in $ZOOCFG"
  mkdir -p "$LOG_DIR" 2>/dev/null || zk_die "cannot create the log directory $LOG_DIR: set ZOO_LOG_DIR to one you can write"
}

jvm_command() {
  # ZK_SERVER_HEAP: the server's maximum heap in MB. SERVER_JVMFLAGS: anything else for the JVM.
  JVM_COMMAND=("$JAVA" "-Xmx${ZK_SERVER_HEAP:-512}m" ${SERVER_JVMFLAGS:-}
    -cp "$ZK_CLASSPATH" "-Dzookeeper.log.dir=$LOG_DIR" "-Dzookeeper.root.logger=INFO,CONSOLE"
    "$MAIN_CLASS" "$ZOOCFG")
}

start() {
  check_can_start
  jvm_command
  local log_start pid
  log_start=$( [ -f "$LOG_FILE" ] && wc -c < "$LOG_FILE" || echo 0 )
  printf 'Starting zookeeper ... '
  nohup "${JVM_COMMAND[@]}" >> "$LOG_FILE" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  wait_until_answering "$pid" "$log_start"
}

# Returns once the server answers (STARTED), or reports why it did not (FAILED, exit 1), never both.
wait_until_answering() {
  local pid=$1 log_start=$2 deadline=$((SECONDS + START_TIMEOUT)) answer code
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"; code=$?
      rm -f "$PID_FILE"
      echo "FAILED"
      echo "$ZK_SCRIPT: the server exited during start-up (exit code $code). From its log $LOG_FILE:" >&2
      tail -c +"$((log_start + 1))" "$LOG_FILE" | grep -E 'ERROR|FATAL|Exception|Error:|Caused by|Invalid config' \
        | grep -v '^[[:space:]]*at ' | head -n 12 >&2
      exit 1
    fi
    if zk_port_open "$PROBE_ADDRESS" "$CLIENT_PORT"; then
      answer=$(zk_four_letter_word "$PROBE_ADDRESS" "$CLIENT_PORT" srvr)
      if [[ "$answer" == *"Mode: "* ]]; then
        echo "STARTED"
        return 0
      fi
      if [ "$ENSEMBLE" = yes ] && [[ "$answer" == *"not currently serving"* ]]; then
        echo "STARTED"
        echo "(not serving yet: an ensemble member waits until a majority of its servers runs)"
        return 0
      fi
    fi
    sleep 0.2
  done
  echo "FAILED"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rm -f "$PID_FILE"
  zk_die "the server did not answer on $PROBE_ADDRESS:$CLIENT_PORT within $START_TIMEOUT s, so it was stopped: see $LOG_FILE"
}

start_foreground() {
  check_can_start
  jvm_command
  # exec keeps this shell's pid, so the pid file is the server's and `stop` works from another terminal.
  echo $$ > "$PID_FILE"
  exec "${JVM_COMMAND[@]}"
}

stop() {
  local pid waited=0
  printf 'Stopping zookeeper ... '
  if [ ! -f "$PID_FILE" ]; then
    echo "no zookeeper to stop (could not find file $PID_FILE)"
    return 0
  fi
  if ! pid=$(running_pid); then
    echo "no zookeeper to stop (the process in $PID_FILE was gone; removed the stale file)"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((STOP_TIMEOUT * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "STOPPED (it did not stop within $STOP_TIMEOUT s of SIGTERM, so it was killed)"
  else
    echo "STOPPED"
  fi
  rm -f "$PID_FILE"
}

status() {
  echo "Client port found: $CLIENT_PORT. Client address: ${CLIENT_ADDRESS:-0.0.0.0 (every interface)}."
  local answer=""
  if zk_port_open "$PROBE_ADDRESS" "$CLIENT_PORT"; then
    answer=$(zk_four_letter_word "$PROBE_ADDRESS" "$CLIENT_PORT" srvr)
  fi
  if [[ "$answer" == *"Mode: "* ]]; then
    grep '^Mode: ' <<< "$answer"
    return 0
  fi
  if [[ "$answer" == *"not currently serving"* ]]; then
    echo "Error: the server answers but does not serve requests (an ensemble member without a quorum)." >&2
  else
    echo "Error contacting service. It is probably not running." >&2
  fi
  exit 1
}

main "$@"
