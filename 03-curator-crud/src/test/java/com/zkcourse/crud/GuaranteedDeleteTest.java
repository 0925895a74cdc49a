package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * The original course's testDelete3: what guaranteed() adds. The server stops, so both deletes fail with
 * ConnectionLoss; when it comes back, Curator finishes the guaranteed one by itself, and only that one.
 * This class stops and restarts its server, so it has one of its own (keeping its data directory).
 */
class GuaranteedDeleteTest {

    @TempDir
    static Path dataDirectory;

    private static EmbeddedZooKeeper server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedZooKeeper.startIn(dataDirectory);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testDelete3_aGuaranteedDeleteOutlivesALostConnection() throws Exception {
        // A short connection timeout and one retry, so that the deletes fail quickly while the server is down.
        try (CuratorFramework client = Clients.connected(Clients.builder(server.connectString())
                     .namespace("crud").connectionTimeoutMs(500).retryPolicy(new RetryOneTime(100)).build());
             CuratorFramework zkCli = Clients.plain(server.connectString())) {
            client.create().creatingParentsIfNeeded().forPath("/testDelete3/guaranteed");
            client.create().creatingParentsIfNeeded().forPath("/testDelete3/plain");
            CountDownLatch guaranteedGone = new CountDownLatch(1);
            // A watch survives the outage: the client sets it again when it reconnects.
            zkCli.checkExists().usingWatcher((Watcher) event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                    guaranteedGone.countDown();
                }
            }).forPath("/crud/testDelete3/guaranteed");

            server.stop();
            assertThrows(KeeperException.ConnectionLossException.class,
                    () -> client.delete().guaranteed().forPath("/testDelete3/guaranteed"));
            assertThrows(KeeperException.ConnectionLossException.class,
                    () -> client.delete().forPath("/testDelete3/plain"));
            server.restart();

            assertTrue(guaranteedGone.await(60, TimeUnit.SECONDS), "the guaranteed delete never happened");
            assertNull(zkCli.checkExists().forPath("/crud/testDelete3/guaranteed"));
            assertNotNull(zkCli.checkExists().forPath("/crud/testDelete3/plain"), "a plain delete is not retried");
        }
    }
}
