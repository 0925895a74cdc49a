package com.zkcourse.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** What the exercise checks of every chapter need: a client built like the course's, and a bounded wait. */
public final class CheckClients {

    private CheckClients() {
    }

    /** A started, connected client built like the course's (no namespace: the checks use full paths). */
    public static CuratorFramework connected(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build();
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            client.close();
            throw new AssertionError("the check's client did not connect to " + connectString + " within 30 s");
        }
        return client;
    }

    /**
     * Waits (at most {@code seconds}) until {@code condition} holds, looking again every 10 ms; then fails with
     * the message {@code what} gives then. For a result the exercise's listener or watcher produces on a thread
     * of its own.
     */
    public static void await(BooleanSupplier condition, int seconds, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get() + " (waited " + seconds + " s)");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
