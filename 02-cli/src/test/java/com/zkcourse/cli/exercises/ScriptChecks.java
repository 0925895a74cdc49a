package com.zkcourse.cli.exercises;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** What the zkCli exercise checks read back from the server with ZooKeeper's own client. */
final class ScriptChecks {

    private ScriptChecks() {
    }

    /** Every znode under {@code root} (itself included) with its data as zkCli's get shows it ("null": none). */
    static Map<String, String> tree(ZooKeeper zk, String root) throws KeeperException, InterruptedException {
        Map<String, String> tree = new TreeMap<>();
        List<String> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            String path = todo.remove(0);
            Stat stat = zk.exists(path, false);
            if (stat == null) {
                continue;
            }
            byte[] data = zk.getData(path, false, null);
            tree.put(path, data == null ? "null" : new String(data, StandardCharsets.UTF_8));
            for (String child : zk.getChildren(path, false)) {
                todo.add((path.equals("/") ? "" : path) + "/" + child);
            }
        }
        return tree;
    }

    /** How many times {@code part} occurs in {@code text}. */
    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
