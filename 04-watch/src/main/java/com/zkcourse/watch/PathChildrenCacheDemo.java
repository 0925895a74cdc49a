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
import org.apache.curator.framework.recipes.cache.PathChildrenCache;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * PathChildrenCache: the children of one node (not the node itself, not the grandchildren), with their
 * data. Then the same listener written with CuratorCache, which replaces it in Curator 5.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@path-children-cache   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class PathChildrenCacheDemo {

    static final String PATH = "/watch/app2";

    private PathChildrenCacheDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, PathChildrenCacheDemo::run);
    }

    @SuppressWarnings("deprecation") // PathChildrenCache: see pathChildrenCache
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
            System.out.println("PathChildrenCache on the children of " + PATH + " (" + PATH + "/p0 = zero)");
            // Each cache is built in the try's resources and started inside it: a start that fails still closes it.
            try (PathChildrenCache cache = pathChildrenCache(client, events)) {
                // POST_INITIALIZED_EVENT: load the children in the background, then send INITIALIZED.
                // (NORMAL sends no INITIALIZED; BUILD_INITIAL_CACHE loads before start returns, without events.)
                cache.start(PathChildrenCache.StartMode.POST_INITIALIZED_EVENT);
                events.await(2); // the start loads the children there are, then says INITIALIZED
                makeChanges(client, events);
                System.out.println("getCurrentData() -> " + show(cache.getCurrentData().stream())
                        + "   (the children, from the cache's memory)");
            }

            startFromTheFixture(client);
            System.out.println();
            System.out.println("The same listener with CuratorCache (Curator 5), from the same start");
            try (CuratorCache cache = curatorCache(client, events)) {
                cache.start();
                events.await(2);
                makeChanges(client, events);
                System.out.println("cache.stream() -> " + show(cache.stream())
                        + "   (a CuratorCache holds the parent and the grandchildren too)");
            }

            if (listen) {
                try (PathChildrenCache oldCache = pathChildrenCache(client, events);
                     CuratorCache cache = curatorCache(client, events)) {
                    oldCache.start(PathChildrenCache.StartMode.POST_INITIALIZED_EVENT);
                    cache.start();
                    events.await(4); // the initial loads: CHILD_ADDED p0, INITIALIZED; NODE_CREATED p0, initialized
                    ListenMode.untilCtrlC(server, "a PathChildrenCache and a CuratorCache on the children of " + PATH,
                            "create " + PATH + "/p1   then   set " + PATH + "/p1 qqq   then   set " + PATH + "/p1 rrr",
                            cache, oldCache, client);
                }
                System.out.println("Closed the caches and the client.");
            }
        }
    }

    /** Start from the same state on every run, even against a server that keeps data. */
    private static void startFromTheFixture(CuratorFramework client) throws Exception {
        client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
        client.create().creatingParentsIfNeeded().forPath(PATH, bytes("hehe"));
        client.create().forPath(PATH + "/p0", bytes("zero"));
    }

    /**
     * The course's PathChildrenCache and its listener, not started yet. PathChildrenCache is deprecated since
     * Curator 5.0 and javac warns wherever it is used; the course still shows it because much code in the field
     * (and the original course) uses it, and because its successor is easier to understand next to it.
     */
    @SuppressWarnings("deprecation")
    static PathChildrenCache pathChildrenCache(CuratorFramework client, EventLog events) {
        // true: keep each child's data too, so CHILD_ADDED and CHILD_UPDATED carry it.
        PathChildrenCache cache = new PathChildrenCache(client, PATH, true);
        cache.getListenable().addListener((eventClient, event) -> {
            switch (event.getType()) {
                case CHILD_ADDED, CHILD_UPDATED, CHILD_REMOVED ->
                        events.record(event.getType() + " " + show(event.getData()));
                case INITIALIZED -> events.record("INITIALIZED with " + event.getInitialData().size() + " child(ren)");
                // CONNECTION_SUSPENDED, CONNECTION_RECONNECTED, CONNECTION_LOST: the client lost the server
                default -> events.record(event.getType().toString());
            }
        });
        return cache;
    }

    /**
     * The same listener with CuratorCache, not started yet. A CuratorCache always caches the whole subtree, so
     * the listener keeps to the direct children of PATH itself, which is what PathChildrenCache reports.
     */
    static CuratorCache curatorCache(CuratorFramework client, EventLog events) {
        CuratorCache cache = CuratorCache.build(client, PATH);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, before, after) -> {
                    ChildData node = after != null ? after : before; // a delete has no "after"
                    if (isChild(node)) {
                        String was = type == CuratorCacheListener.Type.NODE_CHANGED
                                ? "   (was " + text(before.getData()) + ")" : "";
                        events.record(type + " " + show(node) + was);
                    }
                })
                .forInitialized(() -> events.record("initialized"))
                .build());
        return cache;
    }

    /** True for /watch/app2/p1, false for /watch/app2 itself and for /watch/app2/p1/deep. */
    private static boolean isChild(ChildData node) {
        return ZKPaths.getPathAndNode(node.getPath()).getPath().equals(PATH);
    }

    /** The course's changes, plus two that a children cache does not report. */
    private static void makeChanges(CuratorFramework client, EventLog events) throws Exception {
        String p1 = PATH + "/p1";
        System.out.println("create().forPath(\"" + p1 + "\", \"\")");
        client.create().forPath(p1, new byte[0]);
        events.await(1);
        System.out.println("setData().forPath(\"" + p1 + "\", \"qqq\")");
        client.setData().forPath(p1, bytes("qqq"));
        events.await(1);
        System.out.println("setData().forPath(\"" + p1 + "\", \"rrr\")");
        client.setData().forPath(p1, bytes("rrr"));
        events.await(1);
        // Neither of these is a change to a child, so nothing prints under them; the next event is the delete's.
        System.out.println("setData().forPath(\"" + PATH + "\", \"aaa\")   (the parent itself: not reported)");
        client.setData().forPath(PATH, bytes("aaa"));
        System.out.println("create().forPath(\"" + p1 + "/deep\", \"x\")   (a grandchild: not reported)");
        client.create().forPath(p1 + "/deep", bytes("x"));
        System.out.println("delete().deletingChildrenIfNeeded().forPath(\"" + p1 + "\")");
        client.delete().deletingChildrenIfNeeded().forPath(p1);
        events.await(1);
    }
}
