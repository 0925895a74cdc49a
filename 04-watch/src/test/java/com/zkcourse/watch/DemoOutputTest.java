package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

/**
 * The demos as a student runs them, each in a JVM of its own against a real server: what they print is what
 * the README quotes, on stdout and on stderr, the tour runs them all in order, and -Dlisten=true shows outside
 * changes and ends cleanly on Ctrl-C.
 */
class DemoOutputTest {

    private static final Path README = Path.of("README.md");
    /** The course-wide masks, and the time at the start of a log line. */
    static final OutputMask MASK = OutputMask.standard().and("(?m)^\\d\\d:\\d\\d:\\d\\d ", "<time> ");
    /** The README's quotes of what a demo logs on stderr; a demo not listed logs nothing. */
    private static final Map<String, String> STDERR = Map.of(
            "watch-reconnect", "watch-reconnect-stderr",
            "session-expiry", "session-expiry-stderr");
    /** What the client logs for each attempt to reach a server that is down (the README quotes it too). */
    private static final String REFUSED = "refused-stderr";

    /** README marker (= execution id) -> the demo's main, in the tour's order, with the tour's title. */
    private static final Map<String, Class<?>> DEMOS = new LinkedHashMap<>();
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        demo("watch-once", OneShotWatchDemo.class, "one-shot watches");
        demo("watch-persistent", PersistentWatchDemo.class, "persistent watches");
        demo("node-cache", NodeCacheDemo.class, "NodeCache");
        demo("path-children-cache", PathChildrenCacheDemo.class, "PathChildrenCache");
        demo("tree-cache", TreeCacheDemo.class, "TreeCache");
        demo("curator-cache", CuratorCacheDemo.class, "CuratorCache");
        demo("watch-reconnect", WatchReconnectDemo.class, "watches across a disconnect");
        demo("session-expiry", SessionExpiryDemo.class, "session expiry");
    }

    private static void demo(String name, Class<?> main, String title) {
        DEMOS.put(name, main);
        TITLES.put(name, title);
    }

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    static Stream<Arguments> demos() {
        return DEMOS.entrySet().stream().map(demo -> Arguments.of(demo.getKey(), demo.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void eachDemoPrintsWhatTheReadmeQuotes(String name, Class<?> main) throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()), main.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(MASK.apply(ReadmeQuotes.quoted(README, name)), MASK.apply(result.stdoutLines()));
        assertEquals(stderrQuote(name), withoutRefusedAttempts(result.stderrLines()));
    }

    @Test
    void theReadmeQuotesEveryDemoAndNothingElse() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String name : DEMOS.keySet()) {
            expected.add(name);
            if (STDERR.containsKey(name)) {
                expected.add(STDERR.get(name));
            }
            if (name.equals("watch-reconnect")) {
                expected.add(REFUSED);
            }
        }
        assertEquals(expected, ReadmeQuotes.names(README));
    }

    /** The README's stderr quote for a demo, masked; empty for a demo that logs nothing. */
    private static List<String> stderrQuote(String name) throws Exception {
        return STDERR.containsKey(name) ? MASK.apply(ReadmeQuotes.quoted(README, STDERR.get(name))) : List.of();
    }

    /**
     * The lines, masked, without the pairs the client logs for each attempt to reach a server that is down: how
     * many there are depends on when the attempts fall (ConnectionLossTest checks the pair itself).
     */
    static List<String> withoutRefusedAttempts(List<String> stderrLines) throws Exception {
        List<String> refused = MASK.apply(ReadmeQuotes.quoted(README, REFUSED));
        List<String> lines = new ArrayList<>(MASK.apply(stderrLines));
        for (int at = Collections.indexOfSubList(lines, refused); at >= 0; at = Collections.indexOfSubList(lines, refused)) {
            lines.subList(at, at + refused.size()).clear();
        }
        return lines;
    }

    @Test
    void theTourRunsEveryDemoInOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        List<String> expectedStderr = new ArrayList<>();
        expected.add("ZooKeeper server: <which>");
        for (String name : DEMOS.keySet()) {
            expected.add("");
            expected.add("=== " + TITLES.get(name) + "   (alone: exec:java@" + name + ") ===");
            List<String> quote = MASK.apply(ReadmeQuotes.quoted(README, name));
            // Each demo alone starts with the tour's server line; the reconnect demo's is of its own server.
            expected.addAll(name.equals("watch-reconnect") ? quote : quote.subList(1, quote.size()));
            expectedStderr.addAll(stderrQuote(name));
        }
        ChildJvm.Result result = ChildJvm.run(120, List.of("zk.connect=" + zk.connectString()),
                WatchTour.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(expected, MASK.apply(result.stdoutLines()));
        assertEquals(expectedStderr, withoutRefusedAttempts(result.stderrLines()));
    }

    @Test
    void listeningShowsOutsideChangesAndCtrlCClosesTheClientBeforeTheEmbeddedServerStops() throws Exception {
        // No -Dzk.connect, and the build's -Dzk.localServer=none (ChildJvm passes it on): the embedded server.
        try (ChildJvm.Running child = ChildJvm.start(List.of("listen=true"), NodeCacheDemo.class.getName())) {
            // After the scripted part, the listening caches load (the CuratorCache's initial events), then the invitation.
            child.lineStartingWith("cache.get(\"/watch/app1\")");
            assertEquals("  NODE_CREATED /watch/app1 = back", child.nextLine());
            assertEquals("  initialized: the cache holds 1 node", child.nextLine());
            assertEquals("Listening with a NodeCache and a CuratorCache on /watch/app1 until Ctrl-C. Change nodes from"
                    + " another terminal:", child.nextLine());
            String connectString = child.nextLine().substring("  01-install/bin/zkCli.sh -server ".length());
            child.nextLine(); // what to try in zkCli

            // The student's change, from "another terminal".
            try (CuratorFramework zkCli = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100))) {
                zkCli.start();
                zkCli.setData().forPath("/watch/app1", bytes("hello"));
            }
            // Two listeners on two threads: either may print first.
            assertEquals(Set.of("  nodeChanged: /watch/app1 = hello", "  NODE_CHANGED /watch/app1 = hello   (was back)"),
                    Set.of(child.nextLine(), child.nextLine()));

            assertEquals(143, child.stop(), "128 + SIGTERM: the JVM ended through its shutdown hooks");
            assertEquals(List.of("Ctrl-C: closing a NodeCache and a CuratorCache on /watch/app1",
                    "Closed the caches and the client."), child.remainingLines(), "no warning, no stack trace");
            assertEquals("", child.stderr());
            int port = Integer.parseInt(connectString.substring(connectString.lastIndexOf(':') + 1));
            assertEquals(List.of(), ListeningSockets.listeningAddresses(port), "the embedded server stopped");
        }
    }

    @Test
    void aListeningPersistentWatchReportsEveryOutsideChangeUntilCtrlC() throws Exception {
        try (ChildJvm.Running child = ChildJvm.start(
                List.of("listen=true", "zk.connect=" + zk.connectString()), PersistentWatchDemo.class.getName())) {
            child.lineStartingWith("Listening with a persistent recursive watch on /watch/persistent until Ctrl-C.");
            child.nextLine();
            child.nextLine();
            try (CuratorFramework zkCli = CuratorFrameworkFactory.newClient(zk.connectString(),
                    new RetryOneTime(100))) {
                zkCli.start();
                zkCli.create().forPath("/watch/persistent/new", bytes("hello"));
                assertEquals("  WatchedEvent state:SyncConnected type:NodeCreated path:/watch/persistent/new",
                        child.nextLine());
                for (String value : List.of("again", "and again")) {
                    zkCli.setData().forPath("/watch/persistent/new", bytes(value));
                    assertEquals("  WatchedEvent state:SyncConnected type:NodeDataChanged path:/watch/persistent/new",
                            child.nextLine());
                }
            }
            assertEquals(143, child.stop());
            assertEquals(List.of("Ctrl-C: closing a persistent recursive watch on /watch/persistent",
                    "  WatchedEvent state:Closed type:None path:null",
                    "Closed the client: its session and its watches are gone."), child.remainingLines());
            assertEquals("", child.stderr());
        }
    }

    @Test
    void aListenValueThatIsNeitherTrueNorFalseIsRefusedWithOneLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(), "listen=yes"),
                NodeCacheDemo.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of("04-watch: -Dlisten=yes: use -Dlisten=true to keep the demo listening until Ctrl-C, or leave it out"),
                result.stderrLines());
    }

}
