package com.zkcourse.lock.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/** Checks exercise 1, {@link RunLocked}, on a real server: another client holds the lock when it must. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class RunLockedCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void aFreeLockRunsTheTaskAndIsReleased() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        assertTrue(RunLocked.run(zk.client(), "/e1/free", 5, () -> ran.set(true)), "run(...) on a free lock returns true");
        assertTrue(ran.get(), "the task ran");
        assertEquals(List.of(), zk.client().getChildren().forPath("/e1/free"), "no lock node is left after run(...)");
    }

    @Test
    @Order(2)
    void aLockHeldElsewhereTimesOutWithoutRunningOrReleasing() throws Exception {
        InterProcessMutex held = new InterProcessMutex(zk.other(), "/e1/held");
        assertTrue(held.acquire(5, TimeUnit.SECONDS));
        try {
            AtomicBoolean ran = new AtomicBoolean();
            assertFalse(RunLocked.run(zk.client(), "/e1/held", 1, () -> ran.set(true)),
                    "run(...) returns false when another client holds the lock for longer than the timeout");
            assertFalse(ran.get(), "the task did not run without the lock");
            assertEquals(1, zk.client().getChildren().forPath("/e1/held").size(),
                    "only the other client's lock node is left: the timed-out waiter removed its own");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(3)
    void aTaskThatThrowsStillReleasesTheLock() throws Exception {
        assertThrows(IllegalStateException.class, () -> RunLocked.run(zk.client(), "/e1/throws", 5, () -> {
            throw new IllegalStateException("the task failed");
        }), "the task's exception comes out of run(...)");
        InterProcessMutex next = new InterProcessMutex(zk.other(), "/e1/throws");
        assertTrue(next.acquire(5, TimeUnit.SECONDS), "another client gets the lock after a task that threw");
        next.release();
    }
}
