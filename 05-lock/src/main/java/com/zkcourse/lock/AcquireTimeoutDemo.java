package com.zkcourse.lock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;

/**
 * The rules of InterProcessMutex that the original course tripped over. {@code acquire(time, unit)} returns
 * false when the lock stays busy, and then there is nothing to release: release() is only for a lock you hold
 * (the original released after every attempt, which throws). The lock is re-entrant: the thread that holds it
 * may acquire it again, and must release it as often. And it belongs to that thread: another thread, even in
 * the same process, cannot release it.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@timeout</pre>
 */
public final class AcquireTimeoutDemo {

    static final String PATH = "/lock/timeout";

    private AcquireTimeoutDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try (CuratorFramework ctripsClient = Clients.connect(connectString, Clients.SESSION_MS);
             CuratorFramework fliggysClient = Clients.connect(connectString, Clients.SESSION_MS)) {
            ctripsClient.delete().quietly().deletingChildrenIfNeeded().forPath(PATH); // what an earlier run left
            NamedMutex ctrip = new NamedMutex(ctripsClient, PATH, "Ctrip");
            NamedMutex fliggy = new NamedMutex(fliggysClient, PATH, "Fliggy");

            ctrip.acquire();
            System.out.println("Ctrip  acquire() -> holds the lock " + PATH);
            // The right way: act on what acquire returned, and release only what was acquired.
            if (fliggy.acquire(1, TimeUnit.SECONDS)) {
                try {
                    System.out.println("Fliggy would sell here");
                } finally {
                    fliggy.release();
                }
            } else {
                System.out.println("Fliggy acquire(1, SECONDS) -> false: no lock within 1 s, so no sale and nothing to release");
            }
            System.out.println("  ls " + PATH + " -> " + LockNodes.sorted(ctripsClient, PATH)
                    + "   (Fliggy's node went when its wait ended)");
            System.out.println("What the original course did next, release() without holding the lock:");
            System.out.println("Fliggy release() -> " + outcome(fliggy::release));

            System.out.println("Ctrip  acquire() again -> " + ctrip.acquire(1, TimeUnit.SECONDS)
                    + " at once: re-entrant, the same node " + LockNodes.sorted(ctripsClient, PATH));
            ctrip.release();
            System.out.println("Ctrip  release() -> still held, one release to go: " + LockNodes.sorted(ctripsClient, PATH));
            String fromAnotherThread = otherThread.submit(() -> outcome(ctrip::release)).get(30, TimeUnit.SECONDS);
            System.out.println("Another thread of Ctrip's process: release() -> " + fromAnotherThread);
            ctrip.release();
            System.out.println("Ctrip  release() -> free: " + LockNodes.sorted(ctripsClient, PATH));
        } finally {
            otherThread.shutdownNow();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** What a call did: "returned", or the exception it threw, in one line. */
    private static String outcome(Call call) {
        try {
            call.run();
            return "returned";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
