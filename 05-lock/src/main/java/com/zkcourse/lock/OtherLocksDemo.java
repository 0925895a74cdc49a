package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

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
            System.out.println("Ctrip  acquire(500, MILLISECONDS) again -> " + mutex.acquire(500, TimeUnit.MILLISECONDS)
                    + ": it waits for itself (InterProcessMutex would say true at once)");
            otherThread.submit(() -> { mutex.release(); return null; }).get(30, TimeUnit.SECONDS);
            System.out.println("Another thread: release() -> released (InterProcessMutex would throw IllegalMonitorStateException)");

            System.out.println("2. InterProcessReadWriteLock on " + PATH + "/read-write: many readers, or one writer");
            InterProcessReadWriteLock ctripsLock = new InterProcessReadWriteLock(ctrip, PATH + "/read-write", bytes("Ctrip"));
            InterProcessReadWriteLock fliggysLock = new InterProcessReadWriteLock(fliggy, PATH + "/read-write", bytes("Fliggy"));
            InterProcessReadWriteLock qunarsLock = new InterProcessReadWriteLock(qunar, PATH + "/read-write", bytes("Qunar"));
            ctripsLock.readLock().acquire();
            fliggysLock.readLock().acquire();
            System.out.println("Ctrip  readLock().acquire(), Fliggy readLock().acquire() -> both read at once");
            System.out.println("Qunar  writeLock().acquire(500, MILLISECONDS) -> " + qunarsLock.writeLock().acquire(500, TimeUnit.MILLISECONDS)
                    + ": a writer waits until no one reads");
            LockNodes.print(ctrip, PATH + "/read-write", LockNodes.sorted(ctrip, PATH + "/read-write"));
            ctripsLock.readLock().release();
            fliggysLock.readLock().release();
            qunarsLock.writeLock().acquire();
            System.out.println("Ctrip and Fliggy release(); Qunar writeLock().acquire() -> writes");
            System.out.println("Ctrip  readLock().acquire(500, MILLISECONDS) -> " + ctripsLock.readLock().acquire(500, TimeUnit.MILLISECONDS)
                    + ": a reader waits for the writer");
            System.out.println("Qunar  readLock().acquire(500, MILLISECONDS) -> " + qunarsLock.readLock().acquire(500, TimeUnit.MILLISECONDS)
                    + ": the writer may read too, and keep reading after it releases the write lock (a downgrade)");
            qunarsLock.writeLock().release();
            qunarsLock.readLock().release();

            System.out.println("3. InterProcessSemaphoreV2 on " + PATH + "/semaphore with 2 leases: two holders at once");
            InterProcessSemaphoreV2 ctripsSemaphore = semaphore(ctrip, "Ctrip");
            InterProcessSemaphoreV2 qunarsSemaphore = semaphore(qunar, "Qunar");
            Lease ctripsLease = ctripsSemaphore.acquire();
            Lease fliggysLease = semaphore(fliggy, "Fliggy").acquire();
            System.out.println("Ctrip  acquire(), Fliggy acquire() -> a lease each");
            System.out.println("Qunar  acquire(500, MILLISECONDS) -> " + qunarsSemaphore.acquire(500, TimeUnit.MILLISECONDS)
                    + ": both leases are taken");
            LockNodes.print(ctrip, PATH + "/semaphore/leases", LockNodes.sorted(ctrip, PATH + "/semaphore/leases"));
            ctripsSemaphore.returnLease(ctripsLease);
            Lease qunarsLease = qunarsSemaphore.acquire(500, TimeUnit.MILLISECONDS);
            System.out.println("Ctrip  returnLease(); Qunar acquire(500, MILLISECONDS) -> " + (qunarsLease == null ? "null" : "a lease"));
            qunarsSemaphore.returnLease(qunarsLease);
            fliggysLease.close(); // a Lease is Closeable: closing it returns it
        } finally {
            otherThread.shutdownNow();
        }
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
