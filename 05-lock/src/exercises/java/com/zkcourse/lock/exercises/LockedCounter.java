package com.zkcourse.lock.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * Exercise 2: a counter that stays exact across processes.
 *
 * <p>The node {@code counterPath} holds a whole number as text. Add one to it: read it, add one, write it
 * back. Clients in other threads and other processes do the same at the same time, so hold the lock at
 * {@code lockPath} (an InterProcessMutex) from the read to the write: then no two increments interleave, and
 * none is lost. Return the new value.
 *
 * <p>The chapter's ticket sale does the same with its inventory ({@code Seller}). Check your answer with
 * {@code ./mvnw -q -pl 05-lock -am compile exec:java@check}.
 */
public final class LockedCounter {

    private LockedCounter() {
    }

    public static int increment(CuratorFramework client, String lockPath, String counterPath) throws Exception {
        // TODO: lock.acquire(); try { read, parse, add one, setData } finally { lock.release(); }
        throw new UnsupportedOperationException("TODO: lock.acquire(); try { read, parse, add one, setData } finally { lock.release(); }");
    }
}
