package com.zkcourse.lock.exercises;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * Exercise 1: acquire with a timeout, done right.
 *
 * <p>Run {@code task} while holding the lock at {@code lockPath} (an InterProcessMutex), waiting at most
 * {@code seconds} for it. Return true if the task ran, false if the lock did not come in time; then the task
 * must not run, and nothing may be released (releasing a lock you do not hold throws, the original course's
 * bug). The lock must be released however the task ends, even when it throws.
 *
 * <p>The chapter's timeout demo shows the calls ({@code AcquireTimeoutDemo}). Check your answer with
 * {@code ./mvnw -q -pl 05-lock -am compile exec:java@check}.
 */
public final class RunLocked {

    private RunLocked() {
    }

    public static boolean run(CuratorFramework client, String lockPath, long seconds, Runnable task) throws Exception {
        // SOLUTION BEGIN: new InterProcessMutex(client, lockPath); if acquire(seconds, SECONDS) returned true: try { task.run(); } finally { release(); }
        InterProcessMutex lock = new InterProcessMutex(client, lockPath);
        if (!lock.acquire(seconds, TimeUnit.SECONDS)) {
            return false; // not acquired: nothing to release
        }
        try {
            task.run();
            return true;
        } finally {
            lock.release();
        }
        // SOLUTION END
    }
}
