# zkEnv.sh: what zkServer.sh, zkCli.sh and install.sh share. Sourced, never run on its own.
#
# Where ZooKeeper lives (ZK_HOME), in this order:
#   1. $ZOOKEEPER_HOME, when set;
#   2. the directory above this bin/, when it holds lib/ (the copy install.sh puts in every home);
#   3. otherwise, the workspace's default home, 01-install/zookeeper (this is 01-install/bin itself).

ZK_SCRIPT=$(basename "$0")
ZK_BIN=$(cd "$(dirname "$0")" && pwd)

if [ -n "${ZOOKEEPER_HOME:-}" ]; then
  ZK_HOME=$ZOOKEEPER_HOME
elif [ -d "$ZK_BIN/../lib" ]; then
  ZK_HOME=$(cd "$ZK_BIN/.." && pwd)
else
  ZK_HOME=$(cd "$ZK_BIN/.." && pwd)/zookeeper
fi

# One line on stderr that says what went wrong and what to do, then exit (status 1, or the second argument).
zk_die() {
  echo "$ZK_SCRIPT: $1" >&2
  exit "${2:-1}"
}

zk_warn() {
  echo "$ZK_SCRIPT: warning: $1" >&2
}

# The java to run: $JAVA_HOME/bin/java, else the one on the PATH.
zk_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA=java
  else
    zk_die "no java found: install JDK 17 or newer, or set JAVA_HOME"
  fi
}

# Stops with a clear message when ZK_HOME has no ZooKeeper jars yet.
zk_require_install() {
  if ! ls "$ZK_HOME"/lib/zookeeper-[0-9]*.jar >/dev/null 2>&1; then
    zk_die "ZooKeeper is not installed in $ZK_HOME: run 01-install/bin/install.sh first (or set ZOOKEEPER_HOME)"
  fi
  zk_find_java
  # lib/* is expanded by java itself (a class path wildcard); conf/ holds log4j.properties.
  ZK_CLASSPATH="$ZK_HOME/lib/*:$ZK_HOME/conf"
}

# The value of a key in a zoo.cfg (the last one wins, as in ZooKeeper), without surrounding blanks.
zk_cfg_get() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$2" | tail -n 1 | sed 's/[[:space:]]*$//'
}

# True when something accepts TCP connections on host:port. Bash's /dev/tcp needs no extra tool; the
# attempt is bounded by `timeout` where it exists (a remote host that drops packets would hang otherwise).
# Host and port reach the inner bash as arguments ($1, $2 inside the single quotes), never as part of the
# command text: a host typed as "$(rm -rf ~)" is then only a host name that does not resolve.
zk_port_open() {
  local probe='exec 3<>"/dev/tcp/$1/$2"'
  if command -v timeout >/dev/null 2>&1; then
    timeout 3 bash -c "$probe" zk_port_open "$1" "$2" 2>/dev/null
  else
    bash -c "$probe" zk_port_open "$1" "$2" 2>/dev/null
  fi
}

# Sends a four-letter word ("srvr", "ruok", "mntr") with ZooKeeper's own client for them and prints the
# answer; fails when the server does not answer.
zk_four_letter_word() {
  "$JAVA" -cp "$ZK_CLASSPATH" -Dzookeeper.root.logger=ERROR,CONSOLE \
    org.apache.zookeeper.client.FourLetterWordMain "$1" "$2" "$3" 2>/dev/null
}
