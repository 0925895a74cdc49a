package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static com.zkcourse.watch.Recorder.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.NodeCache;
import org.apache.curator.framework.recipes.cache.PathChildrenCache;
import org.apache.curator.framework.recipes.cache.TreeCache;
import org.apache.curator.framework.recipes.cache.TreeCacheEvent;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.EnhancedPatternLayout;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.ClientCnxn;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * A client that loses the server, with the same session when it is back. Its caches hear SUSPENDED, then
 * RECONNECTED, and then hold the server's data, including changes made while the client could not see them.
 * Its one-shot watch fires for the change it missed; its persistent and recursive watches do not (their first
 * event is the next change's).
 *
 * <p>The server is stopped; the same data directory is served for a moment on another port, where a second
 * client changes the data (the cache's client only knows the first port, so it is still cut off); then the
 * server restarts on its own port with that data. This class needs a server of its own, which it stops.
 */
@SuppressWarnings("deprecation") // TreeCache, NodeCache and PathChildrenCache are caches the chapter teaches
class ConnectionLossTest {

    private static final String PATH = "/t-loss";
    private static final String WATCHED = "/t-loss-watches";

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
        ClientLog clientLog = new ClientLog();
        Logger.getLogger(ClientCnxn.class).addAppender(clientLog);
        try {
            outage(clientLog);
        } finally {
            Logger.getLogger(ClientCnxn.class).removeAppender(clientLog);
        }
    }

    private void outage(ClientLog clientLog) throws Exception {
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
            Recorder nodeEvents = new Recorder();
            Recorder childrenEvents = new Recorder();
            Recorder states = new Recorder();
            Recorder oneShot = new Recorder();
            Recorder persistent = new Recorder();
            Recorder recursive = new Recorder();
            client.getConnectionStateListenable().addListener((eventClient, state) -> {
                if (state != ConnectionState.CONNECTED) { // the first connection's event may come late: not of interest
                    states.add(state.toString());
                }
            });
            Recorder sharedPersistent = new Recorder();
            // Each watch on a node of its own (a client hands a server's event to every watch it holds on the path).
            for (String watched : List.of("once", "persistent", "recursive")) {
                client.create().creatingParentsIfNeeded().forPath(WATCHED + "/" + watched, bytes("v0"));
            }
            client.getData().usingWatcher(nodeEventsTo(oneShot)).forPath(WATCHED + "/once");
            client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(nodeEventsTo(persistent))
                    .forPath(WATCHED + "/persistent");
            client.watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE).usingWatcher(nodeEventsTo(recursive))
                    .forPath(WATCHED + "/recursive");
            // ...and one on the caches' node, where their one-shot watches are.
            client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(nodeEventsTo(sharedPersistent))
                    .forPath(PATH);
            try (TreeCache tree = new TreeCache(client, PATH);
                 CuratorCache curator = CuratorCache.build(client, PATH);
                 NodeCache node = new NodeCache(client, PATH);
                 PathChildrenCache children = new PathChildrenCache(client, PATH, true)) {
                tree.getListenable().addListener((eventClient, event) -> treeEvents.add(describe(event)));
                curator.listenable().addListener(CuratorCacheListener.builder()
                        .forAll((type, before, after) -> curatorEvents.add(type + " " + node(after != null ? after : before)))
                        .forInitialized(() -> curatorEvents.add("initialized"))
                        .build());
                node.getListenable().addListener(() -> nodeEvents.add(node(node.getCurrentData())));
                children.getListenable().addListener((eventClient, event) -> childrenEvents.add(event.getType().toString()));
                tree.start();
                curator.start();
                node.start(true);
                children.start(PathChildrenCache.StartMode.POST_INITIALIZED_EVENT);
                awaitEvent(treeEvents, "INITIALIZED");
                awaitEvent(curatorEvents, "initialized");
                awaitEvent(childrenEvents, "INITIALIZED");

                server.stop();
                awaitEvent(treeEvents, "CONNECTION_SUSPENDED");
                states.expect(ConnectionState.SUSPENDED.toString());
                // What ZooKeeper's client logs meanwhile is what the README quotes: that it lost the server, then a
                // pair of lines for each attempt to reach it while it is down.
                assertEquals(readmeQuote("watch-reconnect-stderr"), DemoOutputTest.MASK.apply(clientLog.nextLines(2)));
                assertEquals(readmeQuote("refused-stderr"), DemoOutputTest.MASK.apply(clientLog.nextLines(2)));

                // While the cache's client is cut off, the data changes.
                try (EmbeddedZooKeeper elsewhere = EmbeddedZooKeeper.startIn(dataDirectory);
                     CuratorFramework other = CuratorFrameworkFactory.newClient(elsewhere.connectString(),
                             new RetryOneTime(100))) {
                    other.start();
                    other.setData().forPath(PATH, bytes("changed while away"));
                    other.create().forPath(PATH + "/new", bytes("n"));
                    other.delete().forPath(PATH + "/gone");
                    for (String watched : List.of("once", "persistent", "recursive")) {
                        other.setData().forPath(WATCHED + "/" + watched, bytes("v1"));
                    }
                    other.create().forPath(WATCHED + "/recursive/child", bytes("c"));
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
                awaitEvent(nodeEvents, PATH + "=changed while away");
                awaitContent(Map.of(PATH + "/kept", "k", PATH + "/new", "n"), childrenEvents,
                        () -> contentOf(children.getCurrentData()));

                // The one-shot watch fires for the change it missed, with no new change.
                assertEquals("NodeDataChanged " + WATCHED + "/once", oneShot.next());
                // The persistent and the recursive watch missed theirs: their first event is the next change's (an
                // event for a missed change would have come first: a client's events come in the order of the changes).
                client.setData().forPath(WATCHED + "/persistent", bytes("v2"));
                assertEquals("NodeDataChanged " + WATCHED + "/persistent", persistent.next());
                assertEquals(1, persistent.all().size(), persistent.all().toString());
                client.setData().forPath(WATCHED + "/recursive", bytes("v2"));
                assertEquals("NodeDataChanged " + WATCHED + "/recursive", recursive.next());
                assertEquals(1, recursive.all().size(), recursive.all().toString());
                // Where the same client also had a one-shot watch (the caches' on PATH), the server's catch-up event
                // for it reaches the persistent watch on that path as well.
                assertEquals("NodeDataChanged " + PATH, sharedPersistent.next());

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

    /** A watcher that records the events of nodes (not those of the connection): {@code NodeDataChanged /a}. */
    private static Watcher nodeEventsTo(Recorder events) {
        return event -> {
            if (event.getType() != Watcher.Event.EventType.None) {
                events.add(event.getType() + " " + event.getPath());
            }
        };
    }

    private static List<String> readmeQuote(String name) throws Exception {
        return DemoOutputTest.MASK.apply(ReadmeQuotes.quoted(Path.of("README.md"), name));
    }

    /**
     * What ZooKeeper's client logs, line by line, laid out as the chapter's log4j.properties lays out what goes
     * to stderr (one line per message, the first line of an exception).
     */
    private static final class ClientLog extends AppenderSkeleton {

        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        ClientLog() throws Exception {
            Properties chapter = new Properties();
            try (InputStream in = ConnectionLossTest.class.getResourceAsStream("/log4j.properties")) {
                chapter.load(in);
            }
            setLayout(new EnhancedPatternLayout(chapter.getProperty("log4j.appender.stderr.layout.ConversionPattern")));
        }

        @Override
        protected void append(LoggingEvent event) {
            getLayout().format(event).lines().forEach(lines::add);
        }

        /** The next lines logged, waiting for each up to the Recorder's bound. */
        List<String> nextLines(int count) throws InterruptedException {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String line = lines.poll(Recorder.WAIT_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("nothing more logged within " + Recorder.WAIT_SECONDS + " s after " + next);
                }
                next.add(line);
            }
            return next;
        }

        @Override
        public boolean requiresLayout() {
            return true;
        }

        @Override
        public void close() {
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
