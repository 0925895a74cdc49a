package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessReadWriteLock;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreMutex;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.framework.recipes.locks.Lease;

import com.zkcourse.tools.CourseMain;

/**
 * Curator's other locks, each with what sets it apart from InterProcessMutex:
 * <ul>
 *   <li>{@link InterProcessSemaphoreMutex}: not re-entrant, and not bound to a thread;</li>
 *   <li>{@link InterProcessReadWriteLock}: many readers at once, or one writer;</li>
 *   <li>{@link InterProcessSemaphoreV2}: up to N holders at once (leases).</li>
 * </ul>
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@other-locks</pre>
 */
public final class OtherLocksDemo {

    static final String PATH = "/lock/others";
    /** How long a demo waits for a lock it cannot get. */
    private static final long WAIT_MS = 500;

    private OtherLocksDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try (CuratorFramework ctrip = Clients.connect(connectString, Clients.SESSION_MS);
             CuratorFramework fliggy = Clients.connect(connectString, Clients.SESSION_MS);
             CuratorFramework qunar = Clients.connect(connectString, Clients.SESSION_MS)) {
            ctrip.delete().quietly().deletingChildrenIfNeeded().forPath(PATH); // what an earlier run left

            System.out.println("1. InterProcessSemaphoreMutex on " + PATH + "/mutex: not re-entrant, not bound to a thread");
            InterProcessSemaphoreMutex mutex = new InterProcessSemaphoreMutex(ctrip, PATH + "/mutex");
            mutex.acquire();
            System.out.println("Ctrip  acquire() -> holds it");
            System.out.println("Ctrip  acquire(500, MILLISECONDS) again -> " + mutex.acquire(WAIT_MS, MILLISECONDS)
                    + ": it waits for itself (InterProcessMutex would say true at once)");
            otherThread.submit(() -> { mutex.release(); return null; }).get(30, TimeUnit.SECONDS);
            System.out.println("Another thread: release() -> released"
                    + " (InterProcessMutex would throw IllegalMonitorStateException)");

            System.out.println("2. InterProcessReadWriteLock on " + PATH + "/read-write: many readers, or one writer");
            InterProcessReadWriteLock ctripsLock = readWrite(ctrip, "Ctrip");
            InterProcessReadWriteLock fliggysLock = readWrite(fliggy, "Fliggy");
            InterProcessReadWriteLock qunarsLock = readWrite(qunar, "Qunar");
            ctripsLock.readLock().acquire();
            fliggysLock.readLock().acquire();
            System.out.println("Ctrip  readLock().acquire(), Fliggy readLock().acquire() -> both read at once");
            System.out.println("Qunar  writeLock().acquire(500, MILLISECONDS) -> "
                    + qunarsLock.writeLock().acquire(WAIT_MS, MILLISECONDS) + ": a writer waits until no one reads");
            LockNodes.print(ctrip, PATH + "/read-write", LockNodes.sorted(ctrip, PATH + "/read-write"));
            ctripsLock.readLock().release();
            fliggysLock.readLock().release();
            qunarsLock.writeLock().acquire();
            System.out.println("Ctrip and Fliggy release(); Qunar writeLock().acquire() -> writes");
            System.out.println("Ctrip  readLock().acquire(500, MILLISECONDS) -> "
                    + ctripsLock.readLock().acquire(WAIT_MS, MILLISECONDS) + ": a reader waits for the writer");
            System.out.println("Qunar  readLock().acquire(500, MILLISECONDS) -> "
                    + qunarsLock.readLock().acquire(WAIT_MS, MILLISECONDS)
                    + ": the writer may read too, and keep reading after it releases the write lock (a downgrade)");
            qunarsLock.writeLock().release();
            qunarsLock.readLock().release();

            System.out.println("3. InterProcessSemaphoreV2 on " + PATH + "/semaphore with 2 leases: two holders at once");
            InterProcessSemaphoreV2 ctripsSemaphore = semaphore(ctrip, "Ctrip");
            InterProcessSemaphoreV2 qunarsSemaphore = semaphore(qunar, "Qunar");
            Lease ctripsLease = ctripsSemaphore.acquire();
            Lease fliggysLease = semaphore(fliggy, "Fliggy").acquire();
            System.out.println("Ctrip  acquire(), Fliggy acquire() -> a lease each");
            System.out.println("Qunar  acquire(500, MILLISECONDS) -> " + qunarsSemaphore.acquire(WAIT_MS, MILLISECONDS)
                    + ": both leases are taken");
            LockNodes.print(ctrip, PATH + "/semaphore/leases", LockNodes.sorted(ctrip, PATH + "/semaphore/leases"));
            ctripsSemaphore.returnLease(ctripsLease);
            Lease qunarsLease = qunarsSemaphore.acquire(WAIT_MS, MILLISECONDS);
            System.out.println("Ctrip  returnLease(); Qunar acquire(500, MILLISECONDS) -> "
                    + (qunarsLease == null ? "null" : "a lease"));
            qunarsSemaphore.returnLease(qunarsLease);
            fliggysLease.close(); // a Lease is Closeable: closing it returns it
        } finally {
            otherThread.shutdownNow();
        }
    }

    /** A read-write lock whose nodes carry the holder's name. */
    private static InterProcessReadWriteLock readWrite(CuratorFramework client, String name) {
        return new InterProcessReadWriteLock(client, PATH + "/read-write", bytes(name));
    }

    private static InterProcessSemaphoreV2 semaphore(CuratorFramework client, String name) {
        InterProcessSemaphoreV2 semaphore = new InterProcessSemaphoreV2(client, PATH + "/semaphore", 2);
        semaphore.setNodeData(bytes(name)); // the lease node's data: who holds it
        return semaphore;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
