package com.zkcourse.watch.exercises;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * Exercise 2: count what happens to a node's children, with a CuratorCache.
 *
 * <p>{@link #start} keeps a CuratorCache on {@code path} and counts the children created, changed and deleted
 * from then on: not the node {@code path} itself, not the children that were there already (a CuratorCache
 * announces those as created when it loads them), and not grandchildren. {@code start} returns once the cache
 * has loaded what is there (it is initialized), so every change made afterwards is counted. {@link #close}
 * closes the cache.
 *
 * <p>The chapter's CuratorCache demo shows the listener builder ({@code CuratorCacheDemo}). Check your answer
 * with {@code ./mvnw -q -pl 04-watch -am compile exec:java@check}.
 */
public final class ChildEvents implements AutoCloseable {

    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger changed = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    private CuratorCache cache;

    public int created() {
        return created.get();
    }

    public int changed() {
        return changed.get();
    }

    public int deleted() {
        return deleted.get();
    }

    public static ChildEvents start(CuratorFramework client, String path) throws Exception {
        ChildEvents counts = new ChildEvents();
        // TODO: CuratorCache.build(client, path), a CuratorCacheListener.builder() with forCreates/forChanges/forDeletes that count children only, afterInitialized(); start(), then wait for forInitialized
        throw new UnsupportedOperationException("TODO: CuratorCache.build(client, path), a CuratorCacheListener.builder() with forCreates/forChanges/forDeletes that count children only, afterInitialized(); start(), then wait for forInitialized");
    }

    /** Counts an event if the node is a child of {@code parent}: one level below it, not the node itself. */
    static void countIfChild(String node, String parent, AtomicInteger count) {
        if (node.startsWith(parent + "/") && node.indexOf('/', parent.length() + 1) < 0) {
            count.incrementAndGet();
        }
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }
}
