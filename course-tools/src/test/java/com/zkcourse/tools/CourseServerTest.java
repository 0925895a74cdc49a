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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.tools.testing.ChildJvm;
import com.zkcourse.tools.testing.ListeningSockets;
import com.zkcourse.tools.testing.LoopbackServer;

/** The connect rule, case by case, against real servers on free loopback ports. */
class CourseServerTest {

    /** Plays the part of "a server already running" (chapter 01's, or one named with -Dzk.connect). */
    @RegisterExtension
    static final LoopbackServer running = new LoopbackServer();
    /** A loopback port where nothing listens. */
    private static final String NOWHERE = "127.0.0.1:" + InstanceSpec.getRandomPort();

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
        NoServerException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(NoServerException.class, () -> CourseServer.resolve(NOWHERE, running.connectString())));
        assertEquals("-Dzk.connect=" + NOWHERE + ": no ZooKeeper server answers there (connection refused). "
                + "Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server.",
                e.getMessage());
    }

    @Test
    void aConnectPropertyThatIsNotHostAndPortIsNamed() {
        NoServerException e = assertThrows(NoServerException.class, () -> CourseServer.resolve("localhost", NOWHERE));
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
        assertEquals(List.of("-Dzk.connect=" + NOWHERE + ": no ZooKeeper server answers there (connection refused). "
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
