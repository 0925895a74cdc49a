package com.zkcourse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Plain ZooKeeper clients for the tests, to set up and inspect a server around a replay. */
public final class ZooKeeperClients {

    private ZooKeeperClients() {
    }

    /** A ZooKeeper client for try-with-resources: closing it closes the session. */
    public record Session(ZooKeeper zk) implements AutoCloseable {
        @Override
        public void close() {
            try {
                zk.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A session with the server, once established (within 30 s). */
    public static Session connect(String server) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server, 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("no session with " + server + " within 30 s");
        }
        return new Session(zk);
    }

    /** Creates a persistent znode and any missing parents. */
    public static void create(ZooKeeper zk, String path, String data) throws KeeperException, InterruptedException {
        int slash = path.lastIndexOf('/');
        if (slash > 0 && zk.exists(path.substring(0, slash), false) == null) {
            create(zk, path.substring(0, slash), null);
        }
        zk.create(path, data == null ? null : data.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
    }

    /** Every znode of the server except the server's own /zookeeper subtree, in tree order. */
    static List<String> allZnodes(ZooKeeper zk) throws KeeperException, InterruptedException {
        List<String> found = new ArrayList<>();
        collect(zk, "/", found);
        return found;
    }

    private static void collect(ZooKeeper zk, String path, List<String> found)
            throws KeeperException, InterruptedException {
        for (String child : zk.getChildren(path, false).stream().sorted().toList()) {
            String childPath = (path.equals("/") ? "" : path) + "/" + child;
            if (!childPath.equals("/zookeeper")) {
                found.add(childPath);
                collect(zk, childPath, found);
            }
        }
    }
}
