package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.zookeeper.KeeperException;

/** The nodes under a lock's path, the way the recipes see them: ordered by their sequence number. */
final class LockNodes {

    /** How long a demo waits for the lock nodes to change before it gives up. */
    static final int WAIT_SECONDS = 30;

    private LockNodes() {
    }

    /** The children of {@code path}, lowest sequence number first (the last 10 digits of each name); none if it is missing. */
    static List<String> sorted(CuratorFramework client, String path) throws Exception {
        try {
            return sorted(client.getChildren().forPath(path));
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
    }

    private static List<String> sorted(List<String> children) {
        return children.stream().sorted(Comparator.comparing(name -> name.substring(name.length() - 10))).toList();
    }

    /** The data of a lock node: who created it (NamedMutex puts the holder's name there). */
    static String holder(CuratorFramework client, String path, String node) throws Exception {
        try {
            return new String(client.getData().forPath(path + "/" + node), UTF_8);
        } catch (KeeperException.NoNodeException gone) {
            return "(gone)";
        }
    }

    /** Prints the nodes under {@code path} the way zkCli's ls and get would show them: name = data. */
    static void print(CuratorFramework client, String path, List<String> nodes) throws Exception {
        System.out.println("  ls " + path + (nodes.isEmpty() ? " -> []" : ":"));
        for (String node : nodes) {
            System.out.println("    " + node + " = " + holder(client, path, node));
        }
    }

    /**
     * Waits until the nodes under {@code path} pass {@code until}, with a watch on the children (no polling), and
     * returns them, sorted.
     */
    static List<String> await(CuratorFramework client, String path, Predicate<List<String>> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            CountDownLatch changed = new CountDownLatch(1);
            CuratorWatcher watcher = event -> changed.countDown();
            List<String> children;
            try {
                children = sorted(client.getChildren().usingWatcher(watcher).forPath(path));
            } catch (KeeperException.NoNodeException notYet) {
                client.checkExists().usingWatcher(watcher).forPath(path); // fires when the path is created
                children = List.of();
            }
            if (until.test(children)) {
                return children;
            }
            if (!changed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the nodes under " + path + " did not change as expected within "
                        + WAIT_SECONDS + " s; they are " + children);
            }
        }
    }
}
