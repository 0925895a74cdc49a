package com.zkcourse.lock.exercises;

import org.apache.curator.framework.CuratorFramework;

/**
 * Exercise 4: a write that only lands while you still hold the lock.
 *
 * <p>A lock holder can pause (a long garbage collection, a frozen VM) past its session timeout: its lock node
 * is deleted, another client takes the lock, and then the first one wakes up and writes. Make the write
 * depend on the lock: set {@code path}'s data to {@code data} only if the holder's own lock node
 * {@code ownLockNode} still exists and {@code path} is still at {@code version}, the dataVersion read under
 * the lock, all in one transaction. Otherwise nothing changes and the KeeperException of the failed check
 * is thrown (NoNodeException: the lock is gone; BadVersionException: somebody wrote since).
 *
 * <p>The chapter's fencing demo shows it ({@code FencingDemo}, and the sale in {@code Seller}). Check your
 * answer with {@code ./mvnw -q -pl 05-lock -am compile exec:java@check}.
 */
public final class FencedWrite {

    private FencedWrite() {
    }

    public static void write(CuratorFramework client, String ownLockNode, String path, byte[] data, int version)
            throws Exception {
        // TODO: client.transaction().forOperations(client.transactionOp().check().forPath(ownLockNode), client.transactionOp().setData().withVersion(version).forPath(path, data))
        throw new UnsupportedOperationException("TODO: client.transaction().forOperations(client.transactionOp().check().forPath(ownLockNode), client.transactionOp().setData().withVersion(version).forPath(path, data))");
    }
}
