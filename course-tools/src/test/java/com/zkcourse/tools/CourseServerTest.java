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
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zkcourse.tools.testing.ChildJvm;
import com.zkcourse.tools.testing.ListeningSockets;

/** The connect rule, case by case, against real servers on free loopback ports. */
class CourseServerTest {

    /** Plays the part of "a server already running" (chapter 01's, or one named with -Dzk.connect). */
    private static TestingServer running;
    /** A loopback port where nothing listens. */
    private static String nowhere;

    @BeforeAll
    static void startRunningServer() throws Exception {
        running = LoopbackServers.startTestingServer();
        nowhere = "127.0.0.1:" + InstanceSpec.getRandomPort();
    }

    @AfterAll
    static void stopRunningServer() throws Exception {
        running.close();
    }

    @Test
    void theConnectPropertyWinsOverALocalServer() throws Exception {
        try (CourseServer server = CourseServer.resolve(running.getConnectString(), running.getConnectString())) {
            assertEquals(CourseServer.Source.PROPERTY, server.source());
            assertEquals(running.getConnectString(), server.connectString());
            assertEquals("ZooKeeper server: " + running.getConnectString() + " (chosen with -Dzk.connect)",
                    server.describe());
        }
    }

    @Test
    void aConnectPropertyWithSeveralServersIsUsedWhenOneAnswers() throws Exception {
        String ensemble = nowhere + "," + running.getConnectString() + "/chroot";
        try (CourseServer server = CourseServer.resolve(ensemble, nowhere)) {
            assertEquals(CourseServer.Source.PROPERTY, server.source());
            assertEquals(ensemble, server.connectString());
        }
    }

    @Test
    void aConnectPropertyThatPointsNowhereFailsFastNamingTheAddress() {
        NoServerException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(NoServerException.class, () -> CourseServer.resolve(nowhere, running.getConnectString())));
        assertEquals("-Dzk.connect=" + nowhere + ": no ZooKeeper server answers there (connection refused). "
                + "Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server.",
                e.getMessage());
    }

    @Test
    void aConnectPropertyThatIsNotHostAndPortIsNamed() {
        NoServerException e = assertThrows(NoServerException.class, () -> CourseServer.resolve("localhost", nowhere));
        assertTrue(e.getMessage().startsWith("-Dzk.connect=localhost: no ZooKeeper server answers there "
                + "('localhost' is not host:port)"), e.getMessage());
    }

    @Test
    void aServerAnsweringOnTheLocalAddressIsUsed() throws Exception {
        try (CourseServer server = CourseServer.resolve(null, running.getConnectString())) {
            assertEquals(CourseServer.Source.LOCAL, server.source());
            assertEquals(running.getConnectString(), server.connectString());
            assertEquals("ZooKeeper server: " + running.getConnectString()
                    + " (a server already answers there, such as the one chapter 01 starts)", server.describe());
        }
        assertTrue(ZooKeeperProbe.answers(running.getConnectString()), "a server found running is left running");
    }

    @Test
    void withoutPropertyOrLocalServerAnEmbeddedServerStartsOnLoopbackAndStopsOnClose() throws Exception {
        String connectString;
        int port;
        try (CourseServer server = CourseServer.resolve("  ", nowhere)) {
            assertEquals(CourseServer.Source.EMBEDDED, server.source());
            connectString = server.connectString();
            port = server.embedded().orElseThrow().getPort();
            assertEquals("127.0.0.1:" + port, connectString);
            assertEquals("ZooKeeper server: " + connectString + " (embedded ZooKeeper 3.9.5 started for this run, "
                    + "stopped when it ends: no -Dzk.connect and nothing answers on 127.0.0.1:2181)", server.describe());
            assertEquals(List.of("127.0.0.1"), ListeningSockets.listeningAddresses(port),
                    "the embedded server must listen on loopback only");
            assertEquals("hello", writeAndReadBack(connectString));
        }
        assertFalse(ZooKeeperProbe.answers(connectString), "close() stops the embedded server");
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port));
    }

    @Test
    void aMainPrintsTheChosenServerFirst() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + running.getConnectString()),
                PrintChosenServer.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("ZooKeeper server: " + running.getConnectString() + " (chosen with -Dzk.connect)",
                "connect string: " + running.getConnectString()), result.stdoutLines());
    }

    @Test
    void aMainWhoseServerDoesNotAnswerExitsWithOneLineAndStatusTwo() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + nowhere), PrintChosenServer.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines());
        assertEquals(List.of("-Dzk.connect=" + nowhere + ": no ZooKeeper server answers there (connection refused). "
                + "Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server."),
                result.stderrLines());
    }

    private static String writeAndReadBack(String connectString) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100))) {
            client.start();
            client.create().forPath("/course-server-test", "hello".getBytes(StandardCharsets.UTF_8));
            return new String(client.getData().forPath("/course-server-test"), StandardCharsets.UTF_8);
        }
    }
}
