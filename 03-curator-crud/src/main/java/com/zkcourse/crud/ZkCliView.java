package com.zkcourse.crud;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * The server side of each step, printed the way zkCli.sh prints it: {@code zk> ls /crud} and then
 * {@code [app1, app2]}. It is a second client of its own, without a namespace, so it sees full paths
 * (/crud/app1, not /app1) and has its own session, exactly like a zkCli.sh window open beside the demo:
 * when the demo's client closes, this one still sees what is left.
 */
final class ZkCliView implements AutoCloseable {

    private final CuratorFramework zkCli;

    private ZkCliView(CuratorFramework zkCli) {
        this.zkCli = zkCli;
    }

    static ZkCliView open(String connectString) throws Exception {
        // No namespace: like zkCli.sh it sees the whole tree, /zookeeper included.
        ZkCliView view = new ZkCliView(ConnectDemo.connect(connectString, null));
        Show.line("A \"zk>\" line shows the server the way zkCli.sh shows it, from a session of its own.");
        return view;
    }

    /** zkCli's {@code ls path}: the children, sorted (the server returns them in no particular order). */
    void ls(String path) throws Exception {
        prompt("ls " + path);
        try {
            Show.line(sorted(zkCli.getChildren().forPath(path)).toString());
        } catch (KeeperException.NoNodeException e) {
            Show.line("Node does not exist: " + path);
        }
    }

    /** zkCli's {@code ls -s path}: the children, then the node's Stat. */
    void lsWithStat(String path) throws Exception {
        prompt("ls -s " + path);
        try {
            Stat stat = new Stat();
            List<String> children = zkCli.getChildren().storingStatIn(stat).forPath(path);
            Show.line(sorted(children).toString());
            StatLines.of(stat).forEach(Show::line);
        } catch (KeeperException.NoNodeException e) {
            Show.line("Node does not exist: " + path);
        }
    }

    /** zkCli's {@code get path}: the data as text ("null" for a node stored without any). */
    void get(String path) throws Exception {
        prompt("get " + path);
        try {
            byte[] data = zkCli.getData().forPath(path);
            Show.line(data == null ? "null" : new String(data, StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException e) {
            Show.line("Node does not exist: " + path);
        }
    }

    /** zkCli's {@code stat path}: the node's Stat, one field a line. */
    void stat(String path) throws Exception {
        prompt("stat " + path);
        Stat stat = zkCli.checkExists().forPath(path); // null when there is no such node
        if (stat == null) {
            Show.line("Node does not exist: " + path);
        } else {
            StatLines.of(stat).forEach(Show::line);
        }
    }

    /** zkCli's {@code getAcl path}: who may do what, one entry at a time. */
    void getAcl(String path) throws Exception {
        prompt("getAcl " + path);
        for (ACL acl : zkCli.getACL().forPath(path)) {
            // As zkCli's GetAclCommand prints it: the Id's own toString ends in a line break.
            Show.line(acl.getId() + ": " + ZKUtil.getPermString(acl.getPerms()));
        }
    }

    private static void prompt(String command) {
        Show.line("zk> " + command);
    }

    private static List<String> sorted(List<String> children) {
        List<String> copy = new ArrayList<>(children);
        Collections.sort(copy);
        return copy;
    }

    @Override
    public void close() {
        zkCli.close();
    }
}
