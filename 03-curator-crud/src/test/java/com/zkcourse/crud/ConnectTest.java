package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    /** Every demo waits for its connection with blockUntilConnected(5, SECONDS) and stops when it does not come. */
    @Test
    void aDemoThatCannotConnectStopsWithOneLineThatSaysWhatToDo() throws Exception {
        try (UnusedPort unused = UnusedPort.reserve()) {
            String nowhere = unused.address();
            NotConnectedException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(NotConnectedException.class, () -> CreateDemo.run(nowhere)));
            assertEquals("No connection to a ZooKeeper server at " + nowhere + " within 5 s. Start one"
                    + " (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server.",
                    e.getMessage());
        }
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
