package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.show;
import static com.zkcourse.watch.EventLog.text;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.TreeCache;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * TreeCache: a node and its whole subtree, with the data of each. Then the same listener written with
 * CuratorCache, which replaces it in Curator 5 (and caches a whole subtree by default).
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@tree-cache   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class TreeCacheDemo {

    static final String PATH = "/watch/app3";

    private TreeCacheDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, TreeCacheDemo::run);
    }

    @SuppressWarnings("deprecation") // TreeCache: see treeCache
    static void run(CourseServer server, boolean listen) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.connectString())
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                // A failed call is retried 3 times, with waits growing from about 1 s.
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                // No .namespace(...): the paths are the server's own, as zkCli shows them (README: "Namespaces").
                .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
                throw new CourseFailure("no connection to " + server.connectString() + " within 5 s: is the server still running?");
            }
            EventLog events = new EventLog();

            startFromTheFixture(client);
            System.out.println("TreeCache on " + PATH + " = tree and everything below it (" + PATH + "/p0 = zero)");
            // Each cache is built in the try's resources and started inside it: a start that fails still closes it.
            try (TreeCache cache = treeCache(client, events)) {
                cache.start(); // loads the subtree in the background: NODE_ADDED for each node, then INITIALIZED
                events.await(3); // the start loads the node and its subtree, then says INITIALIZED
                makeChanges(client, events);
                System.out.println("getCurrentData(\"" + PATH + "\") -> " + show(cache.getCurrentData(PATH))
                        + ", getCurrentChildren(\"" + PATH + "\") -> " + cache.getCurrentChildren(PATH).keySet());
            }

            startFromTheFixture(client);
            System.out.println();
            System.out.println("The same listener with CuratorCache (Curator 5), from the same start");
            try (CuratorCache cache = curatorCache(client, events)) {
                cache.start();
                events.await(3);
                makeChanges(client, events);
                System.out.println("cache.stream() -> " + show(cache.stream()));
            }

            if (listen) {
                try (TreeCache oldCache = treeCache(client, events);
                     CuratorCache cache = curatorCache(client, events)) {
                    oldCache.start();
                    cache.start();
                    events.await(6); // the initial loads: /watch/app3, p0 and INITIALIZED from each cache
                    ListenMode.untilCtrlC(server, "a TreeCache and a CuratorCache on " + PATH,
                            "set " + PATH + " aaa   then   create " + PATH + "/p1 x   then   set " + PATH + "/p1 ttt",
                            cache, oldCache, client);
                }
                System.out.println("Closed the caches and the client.");
            }
        }
    }

    /** Start from the same state on every run, even against a server that keeps data. */
    private static void startFromTheFixture(CuratorFramework client) throws Exception {
        client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
        client.create().creatingParentsIfNeeded().forPath(PATH, bytes("tree"));
        client.create().forPath(PATH + "/p0", bytes("zero"));
    }

    /**
     * The course's TreeCache and its listener, not started yet. TreeCache is deprecated since Curator 5.0 and
     * javac warns wherever it is used; the course still shows it because much code in the field (and the
     * original course) uses it, and because its successor is easier to understand next to it.
     */
    @SuppressWarnings("deprecation")
    static TreeCache treeCache(CuratorFramework client, EventLog events) {
        TreeCache cache = new TreeCache(client, PATH);
        cache.getListenable().addListener((eventClient, event) -> {
            switch (event.getType()) {
                case NODE_ADDED, NODE_UPDATED, NODE_REMOVED ->
                        events.record(event.getType() + " " + show(event.getData()));
                // INITIALIZED, and CONNECTION_SUSPENDED, CONNECTION_RECONNECTED, CONNECTION_LOST
                default -> events.record(event.getType().toString());
            }
        });
        return cache;
    }

    /** The same listener with CuratorCache (not started yet), which caches the node and its subtree, like TreeCache. */
    static CuratorCache curatorCache(CuratorFramework client, EventLog events) {
        CuratorCache cache = CuratorCache.build(client, PATH);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(node -> events.record("NODE_CREATED " + show(node)))
                .forChanges((before, after) -> events.record("NODE_CHANGED " + show(after)
                        + "   (was " + text(before.getData()) + ")"))
                .forDeletes(before -> events.record("NODE_DELETED " + show(before)))
                .forInitialized(() -> events.record("initialized: the cache holds " + cache.size() + " nodes"))
                .build());
        return cache;
    }

    /** The course's changes (the node itself, then a child), plus a grandchild and a delete. */
    private static void makeChanges(CuratorFramework client, EventLog events) throws Exception {
        String p1 = PATH + "/p1";
        System.out.println("setData().forPath(\"" + PATH + "\", \"aaa\")");
        client.setData().forPath(PATH, bytes("aaa"));
        events.await(1);
        System.out.println("create().forPath(\"" + p1 + "\", \"one\")");
        client.create().forPath(p1, bytes("one"));
        events.await(1);
        System.out.println("setData().forPath(\"" + p1 + "\", \"ttt\")");
        client.setData().forPath(p1, bytes("ttt"));
        events.await(1);
        System.out.println("create().forPath(\"" + p1 + "/deep\", \"x\")");
        client.create().forPath(p1 + "/deep", bytes("x"));
        events.await(1);
        System.out.println("delete().deletingChildrenIfNeeded().forPath(\"" + p1 + "\")");
        client.delete().deletingChildrenIfNeeded().forPath(p1);
        events.await(2); // the grandchild goes first, then p1
    }
}
