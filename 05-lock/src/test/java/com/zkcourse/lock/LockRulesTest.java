package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessReadWriteLock;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreMutex;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.framework.recipes.locks.Lease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * The rules of Curator's locks the chapter states, each seen on a real server: re-entrancy, a timeout without
 * release, release by a thread that does not hold the lock, and what sets the other locks apart.
 */
class LockRulesTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static final List<CuratorFramework> clients = new ArrayList<>();
    private static final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void connect() throws Exception {
        for (int i = 0; i < 3; i++) {
            clients.add(zk.closeAfterAll(Clients.connect(zk.connectString(), Clients.SESSION_MS)));
        }
    }

    @AfterAll
    static void stopThread() {
        otherThread.shutdownNow();
    }

    @Test
    void theHoldingThreadMayAcquireAgainAndMustReleaseAsOften() throws Exception {
        NamedMutex lock = new NamedMutex(clients.get(0), "/lock/t-reentrant", "Ctrip");
        lock.acquire();
        String node = lock.lockNode();
        assertTrue(lock.acquire(0, TimeUnit.MILLISECONDS), "a second acquire by the holder returns at once");
        assertEquals(List.of(node.substring(node.lastIndexOf('/') + 1)), LockNodes.sorted(clients.get(0), "/lock/t-reentrant"),
                "still one lock node");
        lock.release();
        assertTrue(lock.isOwnedByCurrentThread(), "one release to go");
        assertEquals(1, LockNodes.sorted(clients.get(0), "/lock/t-reentrant").size());
        lock.release();
        assertFalse(lock.isAcquiredInThisProcess());
        assertEquals(List.of(), LockNodes.sorted(clients.get(0), "/lock/t-reentrant"));
    }

    @Test
    void anAcquireThatTimesOutLeavesNoNodeAndThereIsNothingToRelease() throws Exception {
        NamedMutex holder = new NamedMutex(clients.get(0), "/lock/t-timeout", "Ctrip");
        NamedMutex other = new NamedMutex(clients.get(1), "/lock/t-timeout", "Fliggy");
        holder.acquire();
        try {
            assertFalse(other.acquire(300, TimeUnit.MILLISECONDS));
            assertEquals(List.of("Ctrip"), holders("/lock/t-timeout"), "the waiter's node went when its wait ended");
            IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, other::release);
            assertEquals("You do not own the lock: /lock/t-timeout", e.getMessage());
        } finally {
            holder.release();
        }
    }

    @Test
    void onlyTheThreadThatAcquiredTheLockMayReleaseIt() throws Exception {
        NamedMutex lock = new NamedMutex(clients.get(0), "/lock/t-thread", "Ctrip");
        lock.acquire();
        Future<?> release = otherThread.submit(() -> { lock.release(); return null; });
        Exception e = assertThrows(Exception.class, () -> release.get(10, TimeUnit.SECONDS));
        assertEquals("You do not own the lock: /lock/t-thread", e.getCause().getMessage());
        assertTrue(e.getCause() instanceof IllegalMonitorStateException);
        assertEquals(List.of("Ctrip"), holders("/lock/t-thread"), "still held");
        lock.release();
        assertEquals(List.of(), holders("/lock/t-thread"));
    }

    @Test
    void aSemaphoreMutexIsNotReentrantAndAnyThreadMayReleaseIt() throws Exception {
        InterProcessSemaphoreMutex mutex = new InterProcessSemaphoreMutex(clients.get(0), "/lock/t-semaphore-mutex");
        mutex.acquire();
        assertFalse(mutex.acquire(300, TimeUnit.MILLISECONDS), "a second acquire waits for the first");
        otherThread.submit(() -> { mutex.release(); return null; }).get(10, TimeUnit.SECONDS);
        assertFalse(mutex.isAcquiredInThisProcess());
        assertEquals(List.of(), LockNodes.sorted(clients.get(0), "/lock/t-semaphore-mutex/leases"));
    }

    @Test
    void readersShareTheReadLockAWriterWaitsForThemAndMayDowngrade() throws Exception {
        String path = "/lock/t-read-write";
        InterProcessReadWriteLock first = new InterProcessReadWriteLock(clients.get(0), path);
        InterProcessReadWriteLock second = new InterProcessReadWriteLock(clients.get(1), path);
        InterProcessReadWriteLock writer = new InterProcessReadWriteLock(clients.get(2), path);
        first.readLock().acquire();
        assertFalse(first.writeLock().acquire(300, TimeUnit.MILLISECONDS), "a reader cannot upgrade: it waits for itself");
        assertTrue(second.readLock().acquire(300, TimeUnit.MILLISECONDS), "readers share");
        assertFalse(writer.writeLock().acquire(300, TimeUnit.MILLISECONDS), "a writer waits for the readers");
        first.readLock().release();
        second.readLock().release();
        assertTrue(writer.writeLock().acquire(300, TimeUnit.MILLISECONDS));
        assertFalse(first.readLock().acquire(300, TimeUnit.MILLISECONDS), "a reader waits for the writer");
        assertTrue(writer.readLock().acquire(300, TimeUnit.MILLISECONDS), "the writer may read");
        writer.writeLock().release();
        assertTrue(first.readLock().acquire(300, TimeUnit.MILLISECONDS), "after the downgrade, readers share again");
        first.readLock().release();
        writer.readLock().release();
        assertEquals(List.of(), LockNodes.sorted(clients.get(0), path));
    }

    @Test
    void aSemaphoreGivesAtMostItsNumberOfLeasesAtOnce() throws Exception {
        String path = "/lock/t-semaphore";
        Lease one = new InterProcessSemaphoreV2(clients.get(0), path, 2).acquire();
        Lease two = new InterProcessSemaphoreV2(clients.get(1), path, 2).acquire();
        InterProcessSemaphoreV2 third = new InterProcessSemaphoreV2(clients.get(2), path, 2);
        assertNull(third.acquire(300, TimeUnit.MILLISECONDS));
        assertEquals(2, LockNodes.sorted(clients.get(0), path + "/leases").size());
        one.close();
        Lease three = third.acquire(10, TimeUnit.SECONDS);
        assertTrue(three != null);
        two.close();
        three.close();
        assertEquals(List.of(), LockNodes.sorted(clients.get(0), path + "/leases"));
    }

    /** Who the lock nodes under {@code path} belong to, in order. */
    private static List<String> holders(String path) throws Exception {
        List<String> holders = new ArrayList<>();
        for (String node : LockNodes.sorted(clients.get(0), path)) {
            holders.add(LockNodes.holder(clients.get(0), path, node));
        }
        return holders;
    }
}
