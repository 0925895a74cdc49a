#!/usr/bin/env bash
# zkCli.sh: the real ZooKeeper command-line client (org.apache.zookeeper.ZooKeeperMain).
#
#   zkCli.sh -server 127.0.0.1:2181               an interactive session (type help; quit or Ctrl-D leaves)
#   zkCli.sh -server 127.0.0.1:2181 ls /          one command, then exit with its status
#
# Before starting Java it checks that something listens at the -server address (default 127.0.0.1:2181):
# with -waitforconnection (below), ZooKeeperMain would wait out its 30 s session timeout on a dead address,
# logging a refused connection every second, before it fails.
set -u
. "$(dirname "$0")/zkEnv.sh"
zk_require_install

server=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "-server" ]; then
    [ $((i + 1)) -lt ${#args[@]} ] || zk_die "-server needs a value: -server host:port" 2
    server=${args[$((i + 1))]}
  fi
done
if [ -z "$server" ]; then
  server=127.0.0.1:2181
  args=(-server "$server" "${args[@]}")
fi
# -waitforconnection: run the command (or show the prompt) only once the session is established. Without it
# the "WATCHER:: ... SyncConnected" announcement races with the command's output and lands anywhere in it.
case " ${args[*]} " in
  *" -waitforconnection "*) ;;
  *) args=(-waitforconnection "${args[@]}") ;;
esac

# Is any server of "host:port[,host:port...][/chroot]" listening?
reachable=no
hosts=${server%%/*}
IFS=',' read -r -a host_ports <<< "$hosts"
for host_port in "${host_ports[@]}"; do
  host=${host_port%:*}
  port=${host_port##*:}
  [ "$host" != "$host_port" ] && [[ "$port" =~ ^[0-9]+$ ]] || zk_die "'$host_port' is not host:port (as in -server 127.0.0.1:2181)" 2
  if zk_port_open "$host" "$port"; then reachable=yes; break; fi
done
[ "$reachable" = yes ] || zk_die "nothing answers at $server: start a server (01-install/bin/zkServer.sh start) or name another with -server host:port"

exec "$JAVA" -cp "$ZK_CLASSPATH" -Dzookeeper.root.logger=WARN,CONSOLE ${CLIENT_JVMFLAGS:-} \
  org.apache.zookeeper.ZooKeeperMain "${args[@]}"
