package com.zkcourse.lock.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.CheckServer;
import com.zkcourse.testing.ChildJvm;

/** Checks exercise 2, {@link LockedCounter}, on a real server, from threads and from processes of their own. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class LockedCounterCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void oneIncrement() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e2/one/counter", "41".getBytes(UTF_8));
        assertEquals(42, LockedCounter.increment(zk.client(), "/e2/one/lock", "/e2/one/counter"), "what increment(...) returned");
        assertEquals("42", new String(zk.client().getData().forPath("/e2/one/counter"), UTF_8), "the counter's data");
    }

    @Test
    @Order(2)
    void itWaitsForTheLock() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e2/wait/counter", "0".getBytes(UTF_8));
        InterProcessMutex held = new InterProcessMutex(zk.other(), "/e2/wait/lock");
        held.acquire();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> increment = thread.submit(() -> LockedCounter.increment(zk.client(), "/e2/wait/lock", "/e2/wait/counter"));
            // While another client holds the lock, the counter stays as it is: the increment waits.
            CheckClients.await(() -> childrenOf("/e2/wait/lock") == 2 || increment.isDone(), 20,
                    () -> "the increment queues for the lock at /e2/wait/lock (a second lock node there); lock nodes: "
                            + childrenOf("/e2/wait/lock") + ", counter: " + counter("/e2/wait/counter"));
            if (increment.isDone()) {
                increment.get(); // its exception, if it failed: what the exercise did
            }
            assertFalse(increment.isDone(), "the increment finished while another client held the lock");
            assertEquals("0", counter("/e2/wait/counter"), "the counter while another client holds the lock");
            held.release();
            assertEquals(1, increment.get(20, TimeUnit.SECONDS), "the increment, once the lock is free");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void exactAcrossThreadsAndProcesses() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e2/many/counter", "0".getBytes(UTF_8));
        List<ChildJvm.Running> processes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<CuratorFramework> clients = new ArrayList<>();
        try {
            for (int p = 0; p < 2; p++) {
                processes.add(ChildJvm.start(List.of(), CounterProcess.class.getName(), zk.connectString(),
                        "/e2/many/lock", "/e2/many/counter", "20"));
            }
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                CuratorFramework own = CheckClients.connected(zk.connectString());
                clients.add(own);
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        LockedCounter.increment(own, "/e2/many/lock", "/e2/many/counter");
                    }
                    return null;
                }));
            }
            for (Future<?> one : running) {
                one.get(120, TimeUnit.SECONDS);
            }
            for (ChildJvm.Running process : processes) {
                assertEquals(0, process.waitFor(120), "a counting process ended with an error: " + process.stderr());
            }
        } finally {
            threads.shutdownNow();
            clients.forEach(CuratorFramework::close);
            for (ChildJvm.Running process : processes) {
                process.close();
            }
        }
        assertEquals("100", counter("/e2/many/counter"),
                "3 threads and 2 processes, 20 increments each: the counter must be exactly 100");
    }

    private static String counter(String path) {
        try {
            return new String(zk.client().getData().forPath(path), UTF_8);
        } catch (Exception e) {
            return "(could not read " + path + ": " + e + ")";
        }
    }

    private static int childrenOf(String path) {
        try {
            return zk.client().checkExists().forPath(path) == null ? 0 : zk.client().getChildren().forPath(path).size();
        } catch (Exception e) {
            return -1;
        }
    }
}
