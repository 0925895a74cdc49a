package com.zkcourse.watch.exercises;

import java.util.concurrent.CompletableFuture;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;

/**
 * Exercise 1: a one-shot watch.
 *
 * <p>Set a one-shot watch on the node {@code path} and return a future that completes with the type of the
 * first event the watch delivers: NodeDataChanged, NodeDeleted, or NodeCreated for a node that did not exist
 * yet. When this method returns, the watch must be set on the server, so that no change made afterwards is
 * missed. It must work whether or not the node exists now: which read can set a watch on a node that does not
 * exist?
 *
 * <p>The chapter's one-shot watch demo shows the calls ({@code OneShotWatchDemo}). Check your answer with
 * {@code ./mvnw -q -pl 04-watch -am compile exec:java@check}.
 */
public final class NextChange {

    private NextChange() {
    }

    public static CompletableFuture<EventType> of(CuratorFramework client, String path) throws Exception {
        // TODO: client.checkExists().usingWatcher(watcher).forPath(path) sets a watch whether the node exists or not
        throw new UnsupportedOperationException("TODO: client.checkExists().usingWatcher(watcher).forPath(path) sets a watch whether the node exists or not");
    }
}
