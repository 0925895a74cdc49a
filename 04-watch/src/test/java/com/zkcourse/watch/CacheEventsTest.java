package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static com.zkcourse.watch.Recorder.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.NodeCache;
import org.apache.curator.framework.recipes.cache.PathChildrenCache;
import org.apache.curator.framework.recipes.cache.PathChildrenCacheListener;
import org.apache.curator.framework.recipes.cache.TreeCache;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * Each cache of the chapter, given a scripted sequence of changes: the exact events that must arrive, in
 * order, including what the start sends (or does not send) for the data already there. Every script ends
 * with a change whose event must be the next one, which proves no unexpected event came before it.
 */
@SuppressWarnings("deprecation") // NodeCache, PathChildrenCache and TreeCache are what the chapter teaches
class CacheEventsTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() {
        client = zk.closeAfterAll(CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100)));
        client.start();
    }

    @Test
    void nodeCacheStartedWithTrueLoadsTheNodeWithoutAnEventThenReportsEveryChange() throws Exception {
        String path = "/t-node-cache/app1";
        client.create().creatingParentsIfNeeded().forPath(path, bytes("itheima"));
        Recorder events = new Recorder();
        try (NodeCache cache = new NodeCache(client, path)) {
            cache.getListenable().addListener(() -> events.add("nodeChanged " + node(cache.getCurrentData())));
            cache.start(true);
            assertEquals(path + "=itheima", node(cache.getCurrentData()), "start(true) loads before it returns");

            client.setData().forPath(path, bytes("itcast"));
            events.expect("nodeChanged " + path + "=itcast"); // the first event: none for the initial load
            client.setData().forPath(path, bytes("hehe"));
            events.expect("nodeChanged " + path + "=hehe");
            client.delete().forPath(path);
            events.expect("nodeChanged null");
            client.create().forPath(path, bytes("back"));
            events.expect("nodeChanged " + path + "=back");
        }
    }

    @Test
    void nodeCacheStartedWithoutTrueReportsTheInitialLoadAsAChange() throws Exception {
        String path = "/t-node-cache-plain";
        client.create().forPath(path, bytes("there"));
        Recorder events = new Recorder();
        try (NodeCache cache = new NodeCache(client, path)) {
            cache.getListenable().addListener(() -> events.add("nodeChanged " + node(cache.getCurrentData())));
            cache.start();
            events.expect("nodeChanged " + path + "=there");
            client.setData().forPath(path, bytes("next"));
            events.expect("nodeChanged " + path + "=next");
        }
    }

    @Test
    void pathChildrenCacheReportsChildrenOnlyAndSaysInitialized() throws Exception {
        String path = "/t-path-children";
        client.create().forPath(path, bytes("hehe"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (PathChildrenCache cache = new PathChildrenCache(client, path, true)) {
            cache.getListenable().addListener(childrenListener(events));
            cache.start(PathChildrenCache.StartMode.POST_INITIALIZED_EVENT);
            events.expect("CHILD_ADDED " + path + "/p0=zero", "INITIALIZED [" + path + "/p0=zero]");

            client.create().forPath(path + "/p1", new byte[0]);
            events.expect("CHILD_ADDED " + path + "/p1=");
            client.setData().forPath(path + "/p1", bytes("qqq"));
            events.expect("CHILD_UPDATED " + path + "/p1=qqq");
            client.setData().forPath(path + "/p1", bytes("rrr"));
            events.expect("CHILD_UPDATED " + path + "/p1=rrr");
            client.setData().forPath(path, bytes("aaa")); // the parent itself
            client.create().forPath(path + "/p1/deep", bytes("x")); // a grandchild
            client.delete().deletingChildrenIfNeeded().forPath(path + "/p1");
            events.expect("CHILD_REMOVED " + path + "/p1=rrr");
            assertEquals(List.of(path + "/p0=zero"), cache.getCurrentData().stream().map(Recorder::node).toList());
        }
    }

    @Test
    void pathChildrenCacheBuildInitialCacheLoadsBeforeStartReturnsWithoutEvents() throws Exception {
        String path = "/t-path-children-build";
        client.create().forPath(path, bytes("hehe"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (PathChildrenCache cache = new PathChildrenCache(client, path, true)) {
            cache.getListenable().addListener(childrenListener(events));
            cache.start(PathChildrenCache.StartMode.BUILD_INITIAL_CACHE);
            assertEquals(List.of(path + "/p0=zero"), cache.getCurrentData().stream().map(Recorder::node).toList());
            client.create().forPath(path + "/p1", bytes("one"));
            events.expect("CHILD_ADDED " + path + "/p1=one"); // the first event: no CHILD_ADDED p0, no INITIALIZED
        }
    }

    @Test
    void pathChildrenCacheNormalStartReportsTheChildrenThereWithoutInitialized() throws Exception {
        String path = "/t-path-children-normal";
        client.create().forPath(path, bytes("hehe"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (PathChildrenCache cache = new PathChildrenCache(client, path, true)) {
            cache.getListenable().addListener(childrenListener(events));
            cache.start();
            events.expect("CHILD_ADDED " + path + "/p0=zero");
            client.create().forPath(path + "/p1", bytes("one"));
            events.expect("CHILD_ADDED " + path + "/p1=one"); // the next event: no INITIALIZED came before it
        }
    }

    @Test
    void treeCacheReportsTheNodeAndItsWholeSubtree() throws Exception {
        String path = "/t-tree";
        client.create().forPath(path, bytes("tree"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (TreeCache cache = new TreeCache(client, path)) {
            cache.getListenable().addListener((eventClient, event) -> events.add(event.getType()
                    + (event.getData() == null ? "" : " " + node(event.getData()))));
            cache.start();
            events.expect("NODE_ADDED " + path + "=tree", "NODE_ADDED " + path + "/p0=zero", "INITIALIZED");

            client.setData().forPath(path, bytes("aaa"));
            events.expect("NODE_UPDATED " + path + "=aaa");
            client.create().forPath(path + "/p1", bytes("one"));
            events.expect("NODE_ADDED " + path + "/p1=one");
            client.setData().forPath(path + "/p1", bytes("ttt"));
            events.expect("NODE_UPDATED " + path + "/p1=ttt");
            client.create().forPath(path + "/p1/deep", bytes("x"));
            events.expect("NODE_ADDED " + path + "/p1/deep=x");
            client.delete().deletingChildrenIfNeeded().forPath(path + "/p1");
            events.expect("NODE_REMOVED " + path + "/p1/deep=x", "NODE_REMOVED " + path + "/p1=ttt");
            client.setData().forPath(path + "/p0", bytes("last"));
            events.expect("NODE_UPDATED " + path + "/p0=last");
        }
    }

    @Test
    void curatorCacheReportsCreatesChangesDeletesAndInitialized() throws Exception {
        String path = "/t-curator-cache";
        client.create().forPath(path, bytes("cache"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (CuratorCache cache = CuratorCache.build(client, path)) {
            cache.listenable().addListener(everything(events));
            cache.start();
            events.expect("NODE_CREATED " + path + "=cache", "NODE_CREATED " + path + "/p0=zero", "initialized");

            client.setData().forPath(path, bytes("aaa"));
            events.expect("NODE_CHANGED " + path + "=aaa was cache");
            client.create().forPath(path + "/p1", bytes("one"));
            events.expect("NODE_CREATED " + path + "/p1=one");
            client.setData().forPath(path + "/p1", bytes("two"));
            events.expect("NODE_CHANGED " + path + "/p1=two was one");
            client.create().forPath(path + "/p1/deep", bytes("x"));
            events.expect("NODE_CREATED " + path + "/p1/deep=x");
            assertEquals("[" + path + "=aaa, " + path + "/p0=zero, " + path + "/p1=two, " + path + "/p1/deep=x]",
                    cache.stream().sorted(Comparator.comparing(ChildData::getPath)).map(Recorder::node).toList().toString());
            client.delete().deletingChildrenIfNeeded().forPath(path + "/p1");
            events.expect("NODE_DELETED " + path + "/p1/deep=x", "NODE_DELETED " + path + "/p1=two");
            client.setData().forPath(path + "/p0", bytes("last"));
            events.expect("NODE_CHANGED " + path + "/p0=last was zero");
            assertEquals(2, cache.size());
        }
    }

    @Test
    void aSingleNodeCuratorCacheIgnoresChildrenLikeNodeCache() throws Exception {
        String path = "/t-single-node";
        client.create().forPath(path, bytes("itheima"));
        Recorder events = new Recorder();
        try (CuratorCache cache = CuratorCache.build(client, path, CuratorCache.Options.SINGLE_NODE_CACHE)) {
            cache.listenable().addListener(everything(events));
            cache.start();
            events.expect("NODE_CREATED " + path + "=itheima", "initialized");
            client.create().forPath(path + "/child", bytes("c")); // not cached, not reported
            client.setData().forPath(path, bytes("next"));
            events.expect("NODE_CHANGED " + path + "=next was itheima");
            assertEquals(1, cache.size());
        }
    }

    /**
     * The README: with SINGLE_NODE_CACHE a CuratorCache sets a plain persistent watch on its node, without it a
     * recursive one. Asking the server to remove a kind of watch this session does not have fails, so each
     * removal shows which kind the cache set (and leaves the caches deaf, at the end of the test).
     */
    @Test
    void aSingleNodeCuratorCacheSetsAPlainPersistentWatchAndAWholeTreeOneARecursiveWatch() throws Exception {
        String single = "/t-watch-kind/single";
        String tree = "/t-watch-kind/tree";
        client.create().creatingParentsIfNeeded().forPath(single, bytes("s"));
        client.create().forPath(tree, bytes("t"));
        CountDownLatch initialized = new CountDownLatch(2);
        try (CuratorCache singleCache = CuratorCache.build(client, single, CuratorCache.Options.SINGLE_NODE_CACHE);
             CuratorCache treeCache = CuratorCache.build(client, tree)) {
            for (CuratorCache cache : List.of(singleCache, treeCache)) {
                cache.listenable().addListener(CuratorCacheListener.builder().forInitialized(initialized::countDown).build());
                cache.start();
            }
            assertTrue(initialized.await(Recorder.WAIT_SECONDS, TimeUnit.SECONDS));
            ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
            assertThrows(KeeperException.NoWatcherException.class,
                    () -> zk.removeAllWatches(single, Watcher.WatcherType.PersistentRecursive, false));
            zk.removeAllWatches(single, Watcher.WatcherType.Persistent, false);
            assertThrows(KeeperException.NoWatcherException.class,
                    () -> zk.removeAllWatches(tree, Watcher.WatcherType.Persistent, false));
            zk.removeAllWatches(tree, Watcher.WatcherType.PersistentRecursive, false);
        }
    }

    /**
     * The README's table of where listeners run: PathChildrenCache and TreeCache on a thread of each cache's own,
     * NodeCache on the ZooKeeper client's event thread (where watchers run), and every CuratorCache of a client on
     * one SafeNotifyService thread.
     */
    @Test
    void eachCacheCallsItsListenersOnTheThreadTheReadmeNames() throws Exception {
        String path = "/t-threads";
        client.create().forPath(path, bytes("v0"));
        Map<String, Thread> threads = new ConcurrentHashMap<>();
        CountDownLatch heard = new CountDownLatch(7);
        Runnable watcherThread = () -> heardOn("watcher", threads, heard);
        try (NodeCache node = new NodeCache(client, path);
             PathChildrenCache children = new PathChildrenCache(client, path, true);
             TreeCache tree1 = new TreeCache(client, path);
             TreeCache tree2 = new TreeCache(client, path);
             CuratorCache curator1 = CuratorCache.build(client, path);
             CuratorCache curator2 = CuratorCache.build(client, path, CuratorCache.Options.SINGLE_NODE_CACHE)) {
            node.getListenable().addListener(() -> heardOn("NodeCache", threads, heard));
            children.getListenable().addListener((c, event) -> heardOn("PathChildrenCache", threads, heard));
            tree1.getListenable().addListener((c, event) -> heardOn("TreeCache 1", threads, heard));
            tree2.getListenable().addListener((c, event) -> heardOn("TreeCache 2", threads, heard));
            curator1.listenable().addListener((type, before, after) -> heardOn("CuratorCache 1", threads, heard));
            curator2.listenable().addListener((type, before, after) -> heardOn("CuratorCache 2", threads, heard));
            node.start(true);
            children.start();
            tree1.start();
            tree2.start();
            curator1.start();
            curator2.start();
            client.getData().usingWatcher((Watcher) event -> watcherThread.run()).forPath(path);
            client.setData().forPath(path, bytes("v1"));           // NodeCache, the watcher, the trees and the CuratorCaches
            client.create().forPath(path + "/child", bytes("c"));  // PathChildrenCache
            assertTrue(heard.await(Recorder.WAIT_SECONDS, TimeUnit.SECONDS), "heard from " + threads.keySet());
        }
        assertSame(threads.get("watcher"), threads.get("NodeCache"), "NodeCache on the client's event thread");
        assertTrue(threads.get("NodeCache").getName().endsWith("-EventThread"), threads.get("NodeCache").getName());
        assertTrue(threads.get("PathChildrenCache").getName().startsWith("Curator-PathChildrenCache-"));
        assertTrue(threads.get("TreeCache 1").getName().startsWith("Curator-TreeCache-"));
        assertTrue(threads.get("TreeCache 2").getName().startsWith("Curator-TreeCache-"));
        assertNotSame(threads.get("TreeCache 1"), threads.get("TreeCache 2"), "a thread for each TreeCache");
        assertSame(threads.get("CuratorCache 1"), threads.get("CuratorCache 2"), "one thread for the client's CuratorCaches");
        assertTrue(threads.get("CuratorCache 1").getName().startsWith("Curator-SafeNotifyService-"));
    }

    /** Notes the thread a listener was first called on. */
    private static void heardOn(String listener, Map<String, Thread> threads, CountDownLatch heard) {
        if (threads.putIfAbsent(listener, Thread.currentThread()) == null) {
            heard.countDown();
        }
    }

    @Test
    void aListenerBuiltAfterInitializedSkipsTheInitialLoad() throws Exception {
        String path = "/t-after-initialized";
        client.create().forPath(path, bytes("cache"));
        client.create().forPath(path + "/p0", bytes("zero"));
        Recorder events = new Recorder();
        try (CuratorCache cache = CuratorCache.build(client, path)) {
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forCreates(node -> events.add("NODE_CREATED " + node(node)))
                    .forInitialized(() -> events.add("initialized with " + cache.size()))
                    .afterInitialized()
                    .build());
            cache.start();
            events.expect("initialized with 2");
            client.create().forPath(path + "/p1", bytes("new"));
            events.expect("NODE_CREATED " + path + "/p1=new");
        }
    }

    /**
     * The README warns about this bridge: CuratorCache is recursive, so grandchildren come as CHILD_ADDED too,
     * and its INITIALIZED event has no initial data.
     */
    @Test
    void theBridgeForPathChildrenCacheListenersAlsoReportsGrandchildren() throws Exception {
        String path = "/t-bridge";
        client.create().forPath(path, bytes("hehe"));
        Recorder events = new Recorder();
        try (CuratorCache cache = CuratorCache.build(client, path)) {
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forPathChildrenCache(path, client, childrenListener(events))
                    .build());
            cache.start();
            events.expect("INITIALIZED without data");
            client.create().forPath(path + "/p1", bytes("one"));
            events.expect("CHILD_ADDED " + path + "/p1=one");
            client.create().forPath(path + "/p1/deep", bytes("x"));
            events.expect("CHILD_ADDED " + path + "/p1/deep=x");
        }
    }

    @Test
    void aCuratorCacheCanBeReadAsSoonAsItIsInitialized() throws Exception {
        String path = "/t-read";
        client.create().forPath(path, bytes("r"));
        CountDownLatch initialized = new CountDownLatch(1);
        try (CuratorCache cache = CuratorCache.build(client, path)) {
            cache.listenable().addListener(CuratorCacheListener.builder().forInitialized(initialized::countDown).build());
            assertNull(cache.get(path).orElse(null), "nothing before start");
            cache.start();
            assertTrue(initialized.await(Recorder.WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(path + "=r", node(cache.get(path).orElseThrow()));
        }
    }

    private static PathChildrenCacheListener childrenListener(Recorder events) {
        return (eventClient, event) -> {
            switch (event.getType()) {
                // The bridge's INITIALIZED carries no initial data (null), unlike PathChildrenCache's own.
                case INITIALIZED -> events.add("INITIALIZED " + (event.getInitialData() == null ? "without data"
                        : event.getInitialData().stream().map(Recorder::node).toList()));
                default -> events.add(event.getType() + " " + node(event.getData()));
            }
        };
    }

    private static CuratorCacheListener everything(Recorder events) {
        return CuratorCacheListener.builder()
                .forCreates(node -> events.add("NODE_CREATED " + node(node)))
                .forChanges((before, after) -> events.add("NODE_CHANGED " + node(after) + " was "
                        + Recorder.text(before.getData())))
                .forDeletes(before -> events.add("NODE_DELETED " + node(before)))
                .forInitialized(() -> events.add("initialized"))
                .build();
    }
}
