package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static com.zkcourse.watch.Recorder.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.TreeCache;
import org.apache.curator.framework.recipes.cache.TreeCacheEvent;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * A cache whose client loses the server: its listeners hear SUSPENDED, then RECONNECTED, and once the server
 * is back the cache holds the server's data, including changes made while the client could not see them.
 *
 * <p>The server is stopped; the same data directory is served for a moment on another port, where a second
 * client changes the data (the cache's client only knows the first port, so it is still cut off); then the
 * server restarts on its own port with that data. This class needs a server of its own, which it stops.
 */
@SuppressWarnings("deprecation") // TreeCache is one of the caches the chapter teaches
class ConnectionLossTest {

    private static final String PATH = "/t-loss";

    @TempDir
    static Path dataDirectory;

    private static EmbeddedZooKeeper server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedZooKeeper.startIn(dataDirectory);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void cachesHearSuspendedThenReconnectedAndCatchUpWithTheServer() throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.connectString())
                .sessionTimeoutMs(30_000) // far longer than the outage: the session survives it
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(200, 5))
                .build()) {
            client.start();
            client.create().forPath(PATH, bytes("before"));
            client.create().forPath(PATH + "/gone", bytes("x"));
            client.create().forPath(PATH + "/kept", bytes("k"));

            Recorder treeEvents = new Recorder();
            Recorder curatorEvents = new Recorder();
            Recorder states = new Recorder();
            client.getConnectionStateListenable().addListener((eventClient, state) -> states.add(state.toString()));
            try (TreeCache tree = new TreeCache(client, PATH);
                 CuratorCache curator = CuratorCache.build(client, PATH)) {
                tree.getListenable().addListener((eventClient, event) -> treeEvents.add(describe(event)));
                curator.listenable().addListener(CuratorCacheListener.builder()
                        .forAll((type, before, after) -> curatorEvents.add(type + " " + node(after != null ? after : before)))
                        .forInitialized(() -> curatorEvents.add("initialized"))
                        .build());
                tree.start();
                curator.start();
                awaitEvent(treeEvents, "INITIALIZED");
                awaitEvent(curatorEvents, "initialized");

                server.stop();
                awaitEvent(treeEvents, "CONNECTION_SUSPENDED");
                states.expect(ConnectionState.SUSPENDED.toString());

                // While the cache's client is cut off, the data changes.
                try (EmbeddedZooKeeper elsewhere = EmbeddedZooKeeper.startIn(dataDirectory);
                     CuratorFramework other = CuratorFrameworkFactory.newClient(elsewhere.connectString(),
                             new RetryOneTime(100))) {
                    other.start();
                    other.setData().forPath(PATH, bytes("changed while away"));
                    other.create().forPath(PATH + "/new", bytes("n"));
                    other.delete().forPath(PATH + "/gone");
                }

                server.restart(); // the same port, the same data directory
                awaitEvent(treeEvents, "CONNECTION_RECONNECTED");
                states.expect(ConnectionState.RECONNECTED.toString());

                Map<String, String> expected = Map.of(
                        PATH, "changed while away",
                        PATH + "/kept", "k",
                        PATH + "/new", "n");
                awaitContent(expected, treeEvents, () -> treeContent(tree));
                awaitContent(expected, curatorEvents, () -> contentOf(curator.stream().toList()));

                assertEquals(List.of("CONNECTION_SUSPENDED", "CONNECTION_RECONNECTED"),
                        treeEvents.all().stream().filter(event -> event.startsWith("CONNECTION_")).toList());
                List<String> afterReconnect = afterFirst(treeEvents.all(), "CONNECTION_RECONNECTED");
                assertTrue(afterReconnect.containsAll(List.of("NODE_UPDATED " + PATH + "=changed while away",
                        "NODE_ADDED " + PATH + "/new=n", "NODE_REMOVED " + PATH + "/gone=x")), treeEvents.all().toString());
                assertTrue(curatorEvents.all().containsAll(List.of("NODE_CHANGED " + PATH + "=changed while away",
                        "NODE_CREATED " + PATH + "/new=n", "NODE_DELETED " + PATH + "/gone=x")), curatorEvents.all().toString());
                assertEquals(List.of("SUSPENDED", "RECONNECTED"), states.all(), "no LOST: the session survived");
            }
        }
    }

    private static String describe(TreeCacheEvent event) {
        return event.getType() + (event.getData() == null ? "" : " " + node(event.getData()));
    }

    /** Takes events until this one arrives (each within the recorder's bound). */
    private static void awaitEvent(Recorder events, String wanted) throws InterruptedException {
        while (!events.next().equals(wanted)) {
            // an event that came before the wanted one: keep going
        }
    }

    /** Waits, event by event, until the cache holds exactly the expected nodes. */
    private static void awaitContent(Map<String, String> expected, Recorder events, Supplier<Map<String, String>> content)
            throws InterruptedException {
        while (!expected.equals(content.get())) {
            events.next(); // fails the test when nothing more arrives within the bound
        }
    }

    private static Map<String, String> treeContent(TreeCache tree) {
        List<ChildData> nodes = new ArrayList<>();
        collect(tree, PATH, nodes);
        return contentOf(nodes);
    }

    private static void collect(TreeCache tree, String path, List<ChildData> into) {
        ChildData data = tree.getCurrentData(path);
        if (data == null) {
            return;
        }
        into.add(data);
        Map<String, ChildData> children = tree.getCurrentChildren(path);
        if (children != null) {
            children.keySet().forEach(child -> collect(tree, path + "/" + child, into));
        }
    }

    private static Map<String, String> contentOf(List<ChildData> nodes) {
        Map<String, String> content = new TreeMap<>();
        nodes.forEach(node -> content.put(node.getPath(), Recorder.text(node.getData())));
        return content;
    }

    private static List<String> afterFirst(List<String> events, String marker) {
        return events.subList(events.indexOf(marker) + 1, events.size());
    }
}
