package com.zkcourse.lock.exercises;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.framework.recipes.locks.Lease;

/**
 * Exercise 3: at most two at a time.
 *
 * <p>A mutex lets one holder in; some resources take a few (two ticket windows, say). Run {@code task} while
 * holding one of the two leases of the semaphore at {@code semaphorePath} (Curator's InterProcessSemaphoreV2):
 * two tasks may run at once, anywhere, a third waits for a lease. Wait at most 30 s for one (then throw
 * an IllegalStateException), and always return the lease, also when the task throws.
 *
 * <p>The chapter's other-locks demo shows the semaphore ({@code OtherLocksDemo}). Check your answer with
 * {@code ./mvnw -q -pl 05-lock -am compile exec:java@check}.
 */
public final class AtMostTwo {

    private AtMostTwo() {
    }

    public static void run(CuratorFramework client, String semaphorePath, Runnable task) throws Exception {
        // TODO: new InterProcessSemaphoreV2(client, semaphorePath, 2); Lease lease = acquire(30, SECONDS); try { task.run(); } finally { returnLease(lease); }
        throw new UnsupportedOperationException("TODO: new InterProcessSemaphoreV2(client, semaphorePath, 2); Lease lease = acquire(30, SECONDS); try { task.run(); } finally { returnLease(lease); }");
    }
}
