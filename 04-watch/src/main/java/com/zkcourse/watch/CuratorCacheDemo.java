package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.show;
import static com.zkcourse.watch.EventLog.text;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * CuratorCache, Curator 5's one cache, on its own: the four kinds of listener the builder offers, reading
 * the cache instead of the server, a listener that skips the initial load, and (with -Dlisten=true) the
 * connection state, which a CuratorCache does not report itself.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@curator-cache   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class CuratorCacheDemo {

    static final String PATH = "/watch/app4";

    private CuratorCacheDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, CuratorCacheDemo::run);
    }

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
            client.create().creatingParentsIfNeeded().forPath(PATH, bytes("cache"));
            client.create().forPath(PATH + "/p0", bytes("zero"));
            System.out.println("CuratorCache on " + PATH + " = cache and everything below it (" + PATH + "/p0 = zero)");
            EventLog events = new EventLog();

            try (CuratorCache cache = CuratorCache.build(client, PATH)) {
                cache.listenable().addListener(everyKindOfEvent(cache, events));
                cache.start();
                events.await(3); // NODE_CREATED for each node there is, then initialized
                eventsAndReads(client, cache, events);
            }

            System.out.println();
            System.out.println("A listener built with afterInitialized(): the initial load is not reported");
            try (CuratorCache cache = CuratorCache.build(client, PATH)) {
                cache.listenable().addListener(CuratorCacheListener.builder()
                        .forCreates(node -> events.record("NODE_CREATED " + show(node)))
                        .forInitialized(() -> events.record("initialized: the cache holds " + show(cache.stream())))
                        .afterInitialized()
                        .build());
                cache.start();
                events.await(1); // only "initialized"
                System.out.println("create().forPath(\"" + PATH + "/p2\", \"new\")");
                client.create().forPath(PATH + "/p2", bytes("new"));
                events.await(1);
            }

            if (listen) {
                // A CuratorCache says nothing when the connection drops: ask the client. Stop your server while
                // listening to see SUSPENDED, then RECONNECTED when it is back (LOST first if the session timed out:
                // then RECONNECTED brings a new session).
                ConnectionStateListener connection = (eventClient, state) -> events.record("connection " + state);
                client.getConnectionStateListenable().addListener(connection);
                try (CuratorCache cache = CuratorCache.build(client, PATH)) {
                    cache.listenable().addListener(everyKindOfEvent(cache, events));
                    cache.start();
                    events.await(4); // the initial load: /watch/app4, p0, p2, then initialized
                    ListenMode.untilCtrlC(server, "a CuratorCache on " + PATH + " and a connection state listener",
                            "create " + PATH + "/p1 x   then   set " + PATH + " y   then   deleteall " + PATH + "/p1",
                            cache, client);
                }
                System.out.println("Closed the cache and the client.");
            }
        }
    }

    /** One listener for all three kinds of change and for the end of the initial load. */
    static CuratorCacheListener everyKindOfEvent(CuratorCache cache, EventLog events) {
        return CuratorCacheListener.builder()
                .forCreates(node -> events.record("NODE_CREATED " + show(node)))
                // A change brings the node before and after it: no need to remember the old data yourself.
                .forChanges((before, after) -> events.record("NODE_CHANGED " + show(after)
                        + "   (was " + text(before.getData()) + ", version " + before.getStat().getVersion()
                        + " -> " + after.getStat().getVersion() + ")"))
                .forDeletes(before -> events.record("NODE_DELETED " + show(before)))
                .forInitialized(() -> events.record("initialized: the cache holds " + cache.size() + " nodes"))
                .build();
    }

    private static void eventsAndReads(CuratorFramework client, CuratorCache cache, EventLog events) throws Exception {
        String p1 = PATH + "/p1";
        System.out.println("create().forPath(\"" + p1 + "\", \"one\")");
        client.create().forPath(p1, bytes("one"));
        events.await(1);
        System.out.println("setData().forPath(\"" + p1 + "\", \"two\")");
        client.setData().forPath(p1, bytes("two"));
        events.await(1);
        // The cache answers from memory, with no call to the server. It is as fresh as the last event.
        System.out.println("cache.get(\"" + p1 + "\") -> " + cache.get(p1).map(EventLog::show).orElse("empty"));
        System.out.println("cache.stream() -> " + show(cache.stream()));
        System.out.println("delete().forPath(\"" + p1 + "\")");
        client.delete().forPath(p1);
        events.await(1);
        System.out.println("cache.get(\"" + p1 + "\") -> " + cache.get(p1).map(EventLog::show).orElse("empty")
                + ", cache.size() -> " + cache.size());
    }
}
