package com.zkcourse.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.UnusedPort;

/** The connect rule, case by case, against real servers on free loopback ports. */
class CourseServerTest {

    /** Plays the part of "a server already running" (chapter 01's, or one named with -Dzk.connect). */
    @RegisterExtension
    static final LoopbackServer running = new LoopbackServer();
    /** A loopback port where nothing listens. */
    private static UnusedPort unused;
    private static String NOWHERE;

    @BeforeAll
    static void reservePortWhereNothingListens() throws Exception {
        unused = UnusedPort.reserve();
        NOWHERE = unused.address();
    }

    @AfterAll
    static void releasePort() throws Exception {
        unused.close();
    }

    @Test
    void theConnectPropertyWinsOverALocalServer() throws Exception {
        try (CourseServer server = CourseServer.resolve(running.connectString(), running.connectString())) {
            assertEquals(CourseServer.Source.PROPERTY, server.source());
            assertEquals(running.connectString(), server.connectString());
            assertEquals("ZooKeeper server: " + running.connectString() + " (chosen with -Dzk.connect)",
                    server.describe());
        }
    }

    @Test
    void aConnectPropertyWithSeveralServersIsUsedWhenOneAnswers() throws Exception {
        String ensemble = NOWHERE + "," + running.connectString() + "/chroot";
        try (CourseServer server = CourseServer.resolve(ensemble, NOWHERE)) {
            assertEquals(CourseServer.Source.PROPERTY, server.source());
            assertEquals(ensemble, server.connectString());
        }
    }

    @Test
    void aConnectPropertyThatPointsNowhereFailsFastNamingTheAddress() {
        CourseFailure e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CourseFailure.class, () -> CourseServer.resolve(NOWHERE, running.connectString())));
        assertEquals("-Dzk.connect=" + NOWHERE + ": no ZooKeeper server answers there (connection refused). "
                + "Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server.",
                e.getMessage());
    }

    @Test
    void aConnectPropertyThatIsNotHostAndPortIsNamed() {
        CourseFailure e = assertThrows(CourseFailure.class, () -> CourseServer.resolve("localhost", NOWHERE));
        assertTrue(e.getMessage().startsWith("-Dzk.connect=localhost: no ZooKeeper server answers there "
                + "('localhost' is not host:port)"), e.getMessage());
    }

    @Test
    void aServerAnsweringOnTheLocalAddressIsUsed() throws Exception {
        try (CourseServer server = CourseServer.resolve(null, running.connectString())) {
            assertEquals(CourseServer.Source.LOCAL, server.source());
            assertEquals(running.connectString(), server.connectString());
            assertEquals("ZooKeeper server: " + running.connectString()
                    + " (a server already answers there, such as the one chapter 01 starts)", server.describe());
        }
        assertTrue(ZooKeeperProbe.answers(running.connectString()), "a server found running is left running");
    }

    @Test
    void withoutPropertyOrLocalServerAnEmbeddedServerStartsOnLoopbackAndStopsOnClose() throws Exception {
        String connectString;
        int port;
        try (CourseServer server = CourseServer.resolve("  ", NOWHERE)) {
            assertEquals(CourseServer.Source.EMBEDDED, server.source());
            connectString = server.connectString();
            port = server.embedded().orElseThrow().port();
            assertEquals("127.0.0.1:" + port, connectString);
            assertEquals("ZooKeeper server: " + connectString + " (embedded ZooKeeper 3.9.5 started for this run, "
                    + "stopped when it ends: no -Dzk.connect and nothing answers on " + NOWHERE + ")", server.describe());
            assertEquals(List.of("127.0.0.1"), ListeningSockets.listeningAddresses(port),
                    "the embedded server must listen on loopback only");
            assertEquals("hello", writeAndReadBack(connectString));
        }
        assertFalse(ZooKeeperProbe.answers(connectString), "close() stops the embedded server");
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port));
    }

    @Test
    void aMainPrintsTheChosenServerFirst() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + running.connectString()),
                PrintChosenServer.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("ZooKeeper server: " + running.connectString() + " (chosen with -Dzk.connect)",
                "connect string: " + running.connectString()), result.stdoutLines());
    }

    @Test
    void aMainWhoseServerDoesNotAnswerExitsWithOneLineAndStatusTwo() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + NOWHERE), PrintChosenServer.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines());
        assertEquals(List.of("PrintChosenServer: -Dzk.connect=" + NOWHERE + ": no ZooKeeper server answers there "
                + "(connection refused). Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an "
                + "embedded server."), result.stderrLines());
    }

    @Test
    void runByMavenTheFailureLineNamesTheChapter() throws Exception {
        // The root pom's exec plugin sets course.chapter to the module's name for every main it runs.
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + NOWHERE, "course.chapter=03-curator-crud"),
                PrintChosenServer.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderrLines().get(0).startsWith("03-curator-crud: -Dzk.connect=" + NOWHERE + ": no ZooKeeper"),
                result.stderr());
    }

    @Test
    void aFailureTheStudentCanFixIsOneLineAfterTheServerStopped() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + running.connectString()),
                FailingMains.Fixable.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of("Fixable: no connection to " + running.connectString() + " within 5 s: is it running?"),
                result.stderrLines());
    }

    @Test
    void aBadSwitchStopsTheMainBeforeAnyServerIsChosen() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of(), FailingMains.BadSwitch.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines(), "not even the 'ZooKeeper server:' line");
        assertEquals(List.of("BadSwitch: -Dlisten=maybe: use -Dlisten=true, or leave it out"), result.stderrLines());
    }

    @Test
    void aBugShowsItsStackTraceAndThenOneLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + running.connectString()),
                FailingMains.Buggy.class.getName());
        assertEquals(1, result.exitCode());
        List<String> err = result.stderrLines();
        assertEquals("java.lang.IllegalStateException: a bug", err.get(0));
        assertTrue(err.get(1).strip().startsWith("at com.zkcourse.tools.FailingMains$Buggy"), result.stderr());
        assertEquals("Buggy: stopped by an unexpected java.lang.IllegalStateException (stack trace above): this is a "
                + "bug in the course; please report it with the lines above.", err.get(err.size() - 1));
    }

    @Test
    void aMainThatSharesItsServerNeverStartsAnEmbeddedOne() throws Exception {
        ChildJvm.Result none = ChildJvm.run(60, List.of("zk.localServer=" + NOWHERE), FailingMains.Shared.class.getName());
        assertEquals(2, none.exitCode());
        assertEquals(List.of(), none.stdoutLines());
        assertEquals(List.of("Shared: no ZooKeeper server is running on " + NOWHERE + ", and the sellers of two "
                + "terminals must share one: start chapter 01's (01-install/bin/zkServer.sh start) or name one with "
                + "-Dzk.connect=host:port"), none.stderrLines());

        ChildJvm.Result local = ChildJvm.run(60, List.of("zk.localServer=" + running.connectString()),
                FailingMains.Shared.class.getName());
        assertEquals(0, local.exitCode(), local.stderr());
        assertEquals(List.of("ZooKeeper server: " + running.connectString() + " (a server already answers there, such "
                + "as the one chapter 01 starts)", "shared: " + running.connectString()), local.stdoutLines());
    }

    private static String writeAndReadBack(String connectString) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100))) {
            client.start();
            client.create().forPath("/course-server-test", "hello".getBytes(StandardCharsets.UTF_8));
            return new String(client.getData().forPath("/course-server-test"), StandardCharsets.UTF_8);
        }
    }
}
