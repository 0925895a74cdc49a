package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.show;
import static com.zkcourse.watch.EventLog.text;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.NodeCache;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * NodeCache, the course's first cache: one node's data, kept up to date, and a listener called after every
 * change. Then the same listener written with CuratorCache, which replaces NodeCache in Curator 5.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@node-cache   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class NodeCacheDemo {

    static final String PATH = "/watch/app1";

    private NodeCacheDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, NodeCacheDemo::run);
    }

    @SuppressWarnings("deprecation") // NodeCache: see nodeCache
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
            // Start from the same state on every run, even against a server that keeps data.
            client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            client.create().creatingParentsIfNeeded().forPath(PATH, bytes("itheima"));
            System.out.println("NodeCache on " + PATH + " = itheima");
            EventLog events = new EventLog();

            // Each cache is built in the try's resources and started inside it: a start that fails still closes it.
            try (NodeCache nodeCache = nodeCache(client, events)) {
                // true: read the node before start returns, so getCurrentData() is ready, with no event for it.
                nodeCache.start(true);
                System.out.println("getCurrentData() -> " + show(nodeCache.getCurrentData())
                        + "   (start(true) loaded it before returning, without calling the listener)");
                makeChanges(client, events);
            }

            System.out.println();
            System.out.println("The same listener with CuratorCache (Curator 5), on " + PATH + " = back");
            try (CuratorCache cache = curatorCache(client, events)) {
                cache.start();
                events.await(2); // the start loads what is there: NODE_CREATED for the node, then initialized
                makeChanges(client, events);
                System.out.println("cache.get(\"" + PATH + "\") -> "
                        + cache.get(PATH).map(EventLog::show).orElse("empty")
                        + "   (read from the cache's memory, no call to the server)");
            }

            if (listen) {
                try (NodeCache nodeCache = nodeCache(client, events);
                     CuratorCache cache = curatorCache(client, events)) {
                    nodeCache.start(true);
                    cache.start();
                    events.await(2); // the CuratorCache's initial load: NODE_CREATED, initialized
                    ListenMode.untilCtrlC(server, "a NodeCache and a CuratorCache on " + PATH,
                            "set " + PATH + " hello   then   delete " + PATH + "   then   create " + PATH + " again",
                            cache, nodeCache, client);
                }
                System.out.println("Closed the caches and the client.");
            }
        }
    }

    /**
     * The course's NodeCache with the listener it registers, not started yet. NodeCache is deprecated since
     * Curator 5.0, and javac warns wherever it is used; the course still shows it because much code in the field
     * (and the original course) uses it, and because its successor is easier to understand next to it.
     */
    @SuppressWarnings("deprecation")
    static NodeCache nodeCache(CuratorFramework client, EventLog events) {
        NodeCache nodeCache = new NodeCache(client, PATH);
        // The listener is told "something changed", not what: it reads the cache to find out. After a delete
        // getCurrentData() is null (the original course's listener would throw a NullPointerException there).
        nodeCache.getListenable().addListener(() -> {
            ChildData now = nodeCache.getCurrentData();
            events.record("nodeChanged: " + (now == null ? PATH + " is gone (getCurrentData() is null)" : show(now)));
        });
        return nodeCache;
    }

    /**
     * The same listener with CuratorCache, not started yet. SINGLE_NODE_CACHE keeps it to the one node, like
     * NodeCache (with a plain persistent watch on the node, where a whole-subtree cache uses a recursive one).
     */
    static CuratorCache curatorCache(CuratorFramework client, EventLog events) {
        CuratorCache cache = CuratorCache.build(client, PATH, CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(node -> events.record("NODE_CREATED " + show(node)))
                .forChanges((before, after) -> events.record("NODE_CHANGED " + show(after)
                        + "   (was " + text(before.getData()) + ")"))
                .forDeletes(before -> events.record("NODE_DELETED " + show(before)))
                .forInitialized(() -> events.record("initialized: the cache holds " + cache.size()
                        + (cache.size() == 1 ? " node" : " nodes")))
                .build());
        return cache;
    }

    /** The course's changes, plus a delete and a create; each waits for its event before the next. */
    private static void makeChanges(CuratorFramework client, EventLog events) throws Exception {
        System.out.println("setData().forPath(\"" + PATH + "\", \"itcast\")");
        client.setData().forPath(PATH, bytes("itcast"));
        events.await(1);
        System.out.println("setData().forPath(\"" + PATH + "\", \"hehe\")");
        client.setData().forPath(PATH, bytes("hehe"));
        events.await(1);
        System.out.println("delete().forPath(\"" + PATH + "\")");
        client.delete().forPath(PATH);
        events.await(1);
        System.out.println("create().forPath(\"" + PATH + "\", \"back\")");
        client.create().forPath(PATH, bytes("back"));
        events.await(1);
    }
}
