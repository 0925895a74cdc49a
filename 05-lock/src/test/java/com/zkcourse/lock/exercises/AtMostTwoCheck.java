package com.zkcourse.lock.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.CheckServer;

/** Checks exercise 3, {@link AtMostTwo}, on a real server: six clients, each in a thread of its own. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class AtMostTwoCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void oneTaskRunsAndItsLeaseIsReturned() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        AtMostTwo.run(zk.client(), "/e3/one", ran::incrementAndGet);
        assertEquals(1, ran.get(), "the task ran once");
        assertEquals(List.of(), zk.client().getChildren().forPath("/e3/one/leases"), "the lease was returned: no lease node left");
    }

    @Test
    @Order(2)
    void twoAtATimeNeverThree() throws Exception {
        // Each task waits until a second task is inside with it (a barrier for two). With two leases, tasks go
        // in pairs; with one lease the first task would wait for a partner forever; with three or more, a
        // third task would be inside at the same time.
        CyclicBarrier pair = new CyclicBarrier(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<CuratorFramework> clients = new ArrayList<>();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                CuratorFramework own = CheckClients.connected(zk.connectString());
                clients.add(own);
                tasks.add(threads.submit(() -> {
                    AtMostTwo.run(own, "/e3/pairs", () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            pair.await(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("no second task came in within 20 s (can two hold a lease at once?): " + e, e);
                        }
                        inside.decrementAndGet();
                        done.incrementAndGet();
                    });
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            clients.forEach(CuratorFramework::close);
        }
        assertEquals(6, done.get(), "every task ran");
        assertTrue(most.get() <= 2, "at most two tasks at a time; there were " + most.get());
        assertEquals(2, most.get(), "two tasks at a time, not one");
    }

    @Test
    @Order(3)
    void aTaskThatThrowsReturnsItsLease() throws Exception {
        assertThrows(IllegalStateException.class, () -> AtMostTwo.run(zk.client(), "/e3/throws", () -> {
            throw new IllegalStateException("the task failed");
        }), "the task's exception comes out of run(...)");
        assertEquals(List.of(), zk.client().getChildren().forPath("/e3/throws/leases"), "the lease was returned: no lease node left");
    }
}
