package com.zkcourse.cluster.exercises;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

/**
 * Exercise 3: a read that sees every write acknowledged before it.
 *
 * <p>Writes go through the leader and a majority; a read is answered by the server the client is connected to,
 * from its own memory, which may lag a little behind the leader. Read {@code path}'s data so that it includes
 * every write that was acknowledged (to any client) before this call: first {@code sync()} the path, which
 * makes the client's server catch up with the leader, then read.
 *
 * <p>Curator's {@code client.sync()} always runs in the background: give it a callback with
 * {@code inBackground(...)} and wait (at most 10 s) until it has been called. Chapter 03's get demo does it
 * ({@code GetDemo}). Check your answer with {@code ./mvnw -q -pl 06-cluster -am compile exec:java@check}.
 */
public final class FreshRead {

    private FreshRead() {
    }

    public static byte[] read(CuratorFramework client, String path) throws Exception {
        // TODO: client.sync().inBackground((c, event) -> latch.countDown()).forPath(path); await the latch; then client.getData().forPath(path)
        throw new UnsupportedOperationException("TODO: client.sync().inBackground((c, event) -> latch.countDown()).forPath(path); await the latch; then client.getData().forPath(path)");
    }
}
