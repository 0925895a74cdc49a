package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ChildJvm;

/**
 * No herd: each waiter watches only the lock node just before its own, so a release wakes one client. Seen
 * from the server, with its own list of watches by path (the four-letter word {@code wchp}).
 */
class PredecessorWatchTest {

    @Test
    void eachWaiterWatchesOnlyTheNodeJustBeforeItsOwn() throws Exception {
        try (ChildJvm.Running server = ChildJvm.start(List.of(), WatchListServer.class.getName())) {
            String connectString = server.nextLine();
            try {
                waitersWatchTheirPredecessors(connectString);
            } finally {
                server.stop();
            }
        }
    }

    private static void waitersWatchTheirPredecessors(String connectString) throws Exception {
        String path = "/lock/t-herd";
        List<CuratorFramework> clients = new ArrayList<>();
        List<NamedMutex> locks = new ArrayList<>();
        List<ExecutorService> threads = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(Clients.connect(connectString, Clients.SESSION_MS));
                locks.add(new NamedMutex(clients.get(i), path, "c" + i));
                threads.add(Executors.newSingleThreadExecutor());
                sessions.add("0x" + Long.toHexString(clients.get(i).getZookeeperClient().getZooKeeper().getSessionId()));
            }
            List<Future<?>> acquired = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                NamedMutex lock = locks.get(i);
                acquired.add(threads.get(i).submit(() -> { lock.acquire(); return null; }));
                int count = i + 1;
                LockNodes.await(clients.get(0), path, nodes -> nodes.size() == count); // in this order: c0, c1, c2
            }
            acquired.get(0).get(10, TimeUnit.SECONDS);
            List<String> nodes = LockNodes.sorted(clients.get(0), path);
            Map<String, List<String>> expected = Map.of(
                    path + "/" + nodes.get(0), List.of(sessions.get(1)),
                    path + "/" + nodes.get(1), List.of(sessions.get(2)));
            assertEquals(expected, awaitWatches(connectString, path, expected));

            threads.get(0).submit(() -> { locks.get(0).release(); return null; }).get(10, TimeUnit.SECONDS);
            acquired.get(1).get(10, TimeUnit.SECONDS);
            assertFalse(acquired.get(2).isDone(), "the release woke c1 only");
            assertEquals(Map.of(path + "/" + nodes.get(1), List.of(sessions.get(2))), watchesUnder(connectString, path),
                    "c2 still watches c1's node, and nothing else is watched");

            threads.get(1).submit(() -> { locks.get(1).release(); return null; }).get(10, TimeUnit.SECONDS);
            acquired.get(2).get(10, TimeUnit.SECONDS);
            threads.get(2).submit(() -> { locks.get(2).release(); return null; }).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), LockNodes.sorted(clients.get(0), path));
            assertEquals(Map.of(), watchesUnder(connectString, path));
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
            clients.forEach(CuratorFramework::close);
        }
    }

    /** The server's watches on paths under {@code path}, as wchp lists them: path -> watching sessions. */
    private static Map<String, List<String>> watchesUnder(String connectString, String path) throws Exception {
        int port = Integer.parseInt(connectString.substring(connectString.lastIndexOf(':') + 1));
        Map<String, List<String>> watches = new TreeMap<>();
        String current = null;
        for (String line : FourLetterWordMain.send4LetterWord("127.0.0.1", port, "wchp").split("\n")) {
            if (line.startsWith("/")) {
                current = line.trim();
            } else if (!line.isBlank() && current != null && current.startsWith(path + "/")) {
                watches.computeIfAbsent(current, p -> new ArrayList<>()).add(line.trim());
            }
        }
        return watches;
    }

    /** A waiter sets its watch just after its node appears; the server has no event for that, so ask again. */
    private static Map<String, List<String>> awaitWatches(String connectString, String path,
            Map<String, List<String>> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, List<String>> watches = watchesUnder(connectString, path);
        while (!watches.equals(expected) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20); // a poll, bounded by the deadline
            watches = watchesUnder(connectString, path);
        }
        return watches;
    }
}
