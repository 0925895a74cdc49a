package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.UnusedPort;
import com.zkcourse.testing.LoopbackServer;

/** The original course's testConnect, and what happens when no server is there: a bounded failure, never a hang. */
class ConnectTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework zkCli;

    @BeforeAll
    static void connect() throws Exception {
        zkCli = zk.closeAfterAll(Clients.plain(zk.connectString()));
    }

    @Test
    void testConnect_factoryMethod() throws Exception {
        CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), 60_000, 5_000,
                new ExponentialBackoffRetry(1_000, 3));
        try (client) {
            assertEquals(CuratorFrameworkState.LATENT, client.getState(), "a client does nothing before start()");
            client.start();
            assertTrue(client.blockUntilConnected(30, TimeUnit.SECONDS));
            long sessionId = Clients.sessionId(client);
            assertTrue(sessionId != 0, "a connected client has a session");
            int granted = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
            assertTrue(granted > 0 && granted <= 60_000, "the server grants at most what was asked: " + granted);
        }
        assertEquals(CuratorFrameworkState.STOPPED, client.getState());
    }

    @Test
    void testConnect_builderWithANamespace() throws Exception {
        try (CuratorFramework client = Clients.crud(zk.connectString())) {
            assertEquals("crud", client.getNamespace());
            assertEquals("/testConnect", client.create().forPath("/testConnect", "here".getBytes(UTF_8)));
            // The client's "/testConnect" is the server's /crud/testConnect.
            assertArrayEquals("here".getBytes(UTF_8), zkCli.getData().forPath("/crud/testConnect"));
            assertTrue(zkCli.getChildren().forPath("/").contains("crud"));
        }
    }

    @Test
    void aCallWithoutAServerFailsWithConnectionLossInsteadOfHanging() throws Exception {
        // A short connection timeout and one retry keep the test quick; the failure is the same with any.
        try (UnusedPort nowhere = UnusedPort.reserve();
             CuratorFramework client = CuratorFrameworkFactory.builder()
                     .connectString(nowhere.address())
                     .connectionTimeoutMs(500)
                     .retryPolicy(new RetryOneTime(100))
                     .build()) {
            client.start();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                    KeeperException.ConnectionLossException.class, () -> client.checkExists().forPath("/")));
        }
    }

    /** Every demo connects through ConnectDemo.connect: blockUntilConnected(5, SECONDS), then one line if it did not. */
    @Test
    void aDemoThatCannotConnectStopsWithOneLineThatSaysWhatToDo() throws Exception {
        try (UnusedPort unused = UnusedPort.reserve()) {
            String nowhere = unused.address();
            CourseFailure e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(CourseFailure.class, () -> CreateDemo.run(nowhere)));
            assertEquals("no connection to " + nowhere + " within 5 s: is the server still running?", e.getMessage());
        }
    }

    /**
     * The notes: a server grants between minSessionTimeout and maxSessionTimeout, by default 2 and 20 ticks; the
     * course's servers tick every 2000 ms. ZooKeeper's own default tickTime, without a zoo.cfg, is 3000 ms.
     */
    @ParameterizedTest
    @CsvSource({"1000, 4000", "10000, 10000", "60000, 40000"})
    void theServerGrantsASessionTimeoutBetween2And20Ticks(int asked, int granted) throws Exception {
        try (CuratorFramework client = Clients.connected(Clients.builder(zk.connectString()).sessionTimeoutMs(asked).build())) {
            assertEquals(granted, client.getZookeeperClient().getZooKeeper().getSessionTimeout());
        }
    }

    /** The notes: 2000 ms is zoo_sample.cfg's tickTime (and the course's); a zoo.cfg without the line ticks every 3000 ms. */
    @Test
    void aZooCfgWithoutTickTimeTicksEvery3000Ms(@TempDir Path dataDir) throws Exception {
        Properties zooCfg = new Properties();
        zooCfg.setProperty("dataDir", dataDir.toString());
        zooCfg.setProperty("clientPort", "2181"); // only read, never bound
        QuorumPeerConfig config = new QuorumPeerConfig();
        config.parseProperties(zooCfg);
        assertEquals(3000, config.getTickTime());
        assertEquals(6000, config.getMinSessionTimeout(), "2 ticks");
        assertEquals(60000, config.getMaxSessionTimeout(), "20 ticks");
    }

    @Test
    void theConnectMainRejectsAZkConnectWhereNothingListens() throws Exception {
        try (UnusedPort unused = UnusedPort.reserve()) {
            String nowhere = unused.address();
            ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + nowhere), ConnectDemo.class.getName());
            assertEquals(2, result.exitCode());
            assertEquals(List.of(), result.stdoutLines());
            assertEquals(List.of("03-curator-crud: -Dzk.connect=" + nowhere + ": no ZooKeeper server answers there"
                    + " (connection refused). Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use"
                    + " an embedded server."), result.stderrLines());
        }
    }
}
