#!/usr/bin/env bash
# install.sh: builds a ZooKeeper home from the official jars on Maven Central, fetched by Maven
# (no other download), the same layout as the official binary tarball:
#
#   <home>/lib/             the server and zkCli jars (ZooKeeper 3.9.5 and what it needs)
#   <home>/bin/             zkServer.sh, zkCli.sh (copies of 01-install/bin)
#   <home>/conf/zoo.cfg     from the template 01-install/conf/zoo.cfg, dataDir filled in
#   <home>/data/            the server's data (snapshots and transaction logs)
#   <home>/logs/            the server's log
#
# usage: install.sh [home]      (default: 01-install/zookeeper in this workspace, ignored by git)
#
# Running it again replaces the jars (an upgrade, after a version change in the root pom.xml) and the
# scripts; an edited conf/zoo.cfg and everything in data/ are left alone.
set -euo pipefail
. "$(dirname "$0")/zkEnv.sh"

INSTALL_FROM=$(cd "$ZK_BIN/.." && pwd)          # 01-install
WORKSPACE=$(cd "$INSTALL_FROM/.." && pwd)

[ $# -le 1 ] || zk_die "too many arguments. usage: install.sh [home directory]" 2
case "${1:-}" in -*) zk_die "unknown option '$1'. usage: install.sh [home directory]" 2 ;; esac
HOME_DIR=${1:-$INSTALL_FROM/zookeeper}

# Never write into a directory that holds something else: only a new/empty one, or a home made by us.
if [ -e "$HOME_DIR" ] && [ ! -d "$HOME_DIR" ]; then
  zk_die "$HOME_DIR exists and is not a directory: choose another home"
fi
if [ -d "$HOME_DIR" ] && [ -n "$(ls -A "$HOME_DIR")" ] && [ ! -f "$HOME_DIR/bin/zkServer.sh" ]; then
  zk_die "$HOME_DIR is not empty and is not a ZooKeeper home made by install.sh: choose a new or empty directory"
fi
mkdir -p "$HOME_DIR" || zk_die "cannot create $HOME_DIR: choose a directory you can write"
HOME_DIR=$(cd "$HOME_DIR" && pwd)

zk_find_java
if [ -n "${MVN:-}" ]; then
  maven=$MVN
elif [ -x "$WORKSPACE/mvnw" ]; then
  maven="$WORKSPACE/mvnw"
elif command -v mvn >/dev/null 2>&1; then
  maven=mvn
else
  zk_die "no Maven found: run from the workspace (it has ./mvnw), or install Maven, or set MVN"
fi

echo "Installing ZooKeeper into $HOME_DIR"
new_lib="$HOME_DIR/lib.new"
rm -rf "$new_lib"
trap 'rm -rf "$new_lib"' EXIT
echo "  lib/   the jars, from Maven Central: $(basename "$maven") dependency:copy-dependencies"
if ! output=$("$maven" -B -q -f "$INSTALL_FROM/server-jars/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$new_lib" 2>&1); then
  echo "$output" >&2
  zk_die "Maven could not fetch the jars (above is what it said): check your network and ~/.m2/settings.xml"
fi
# Swap the whole directory, so an upgrade leaves no jar of the old version behind.
rm -rf "$HOME_DIR/lib.old"
[ -d "$HOME_DIR/lib" ] && mv "$HOME_DIR/lib" "$HOME_DIR/lib.old"
mv "$new_lib" "$HOME_DIR/lib"
rm -rf "$HOME_DIR/lib.old"
echo "         $(ls "$HOME_DIR/lib" | wc -l | tr -d ' ') jars, $(cd "$HOME_DIR/lib" && ls zookeeper-[0-9]*.jar)"

mkdir -p "$HOME_DIR/bin" "$HOME_DIR/conf" "$HOME_DIR/data" "$HOME_DIR/logs"
cp "$ZK_BIN/zkEnv.sh" "$ZK_BIN/zkServer.sh" "$ZK_BIN/zkCli.sh" "$HOME_DIR/bin/"
chmod +x "$HOME_DIR/bin/zkServer.sh" "$HOME_DIR/bin/zkCli.sh"
echo "  bin/   zkServer.sh, zkCli.sh"

if [ -f "$HOME_DIR/conf/zoo.cfg" ]; then
  echo "  conf/  kept your zoo.cfg"
else
  # Fill in dataDir line by line in bash: a path may hold characters that sed would treat specially.
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "${line//@DATA_DIR@/$HOME_DIR/data}"
  done < "$INSTALL_FROM/conf/zoo.cfg" > "$HOME_DIR/conf/zoo.cfg"
  echo "  conf/  zoo.cfg from the template, dataDir=$HOME_DIR/data"
fi
[ -f "$HOME_DIR/conf/log4j.properties" ] || cp "$INSTALL_FROM/conf/log4j.properties" "$HOME_DIR/conf/"
echo "  data/  $(ls -A "$HOME_DIR/data" | wc -l | tr -d ' ') entries kept"
echo "Done. Start the server with: $HOME_DIR/bin/zkServer.sh start"
