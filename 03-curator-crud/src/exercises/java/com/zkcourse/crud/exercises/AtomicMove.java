package com.zkcourse.crud.exercises;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;

/**
 * Exercise 4: all or nothing, with a transaction.
 *
 * <p>Move the node {@code from} to {@code to}: {@code to} gets {@code from}'s data and {@code from} is deleted.
 * Both happen, or neither: if {@code to} exists already, or somebody changes {@code from} after you read it,
 * nothing changes on the server and the call throws the KeeperException that explains why. Neither a crash
 * between two calls nor another client may ever see both nodes, or neither.
 *
 * <p>Read {@code from} with its Stat, then send one {@code client.transaction()} (ZooKeeper's multi): a create
 * and a versioned delete (the chapter's transaction demo, {@code TransactionDemo}). Check your answer with {@code ./mvnw -q -pl 03-curator-crud -am compile exec:java@check}.
 */
public final class AtomicMove {

    private AtomicMove() {
    }

    public static void move(CuratorFramework client, String from, String to) throws Exception {
        // TODO: client.transaction().forOperations(client.transactionOp().create().forPath(to, data), client.transactionOp().delete().withVersion(...).forPath(from))
        throw new UnsupportedOperationException("TODO: client.transaction().forOperations(client.transactionOp().create().forPath(to, data), client.transactionOp().delete().withVersion(...).forPath(from))");
    }
}
