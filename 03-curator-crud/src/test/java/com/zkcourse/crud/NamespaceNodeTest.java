package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * Why chapter-state.txt creates /crud: when the namespace's node is missing, Curator creates it as a
 * CONTAINER, which the server deletes by itself once its last child is gone. The /crud that the reset
 * creates is a plain persistent node, and stays.
 *
 * <p>{@link Isolated}: the server it starts reads a system property, which other classes' servers must not see.
 */
@Isolated
class NamespaceNodeTest {

    /** The server looks for empty containers once a minute; this one every 100 ms. */
    private static final String CHECK_INTERVAL = "znode.container.checkIntervalMs";

    private static EmbeddedZooKeeper server;
    private static CuratorFramework zkCli;

    @BeforeAll
    static void startServer() throws Exception {
        String before = System.getProperty(CHECK_INTERVAL);
        System.setProperty(CHECK_INTERVAL, "100"); // read once, when the server starts
        try {
            server = EmbeddedZooKeeper.start();
        } finally {
            if (before == null) {
                System.clearProperty(CHECK_INTERVAL);
            } else {
                System.setProperty(CHECK_INTERVAL, before);
            }
        }
        zkCli = Clients.plain(server.connectString());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (zkCli != null) {
            zkCli.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theNamespaceNodeCuratorCreatesGoesWhenEmptiedTheOneTheResetCreatesStays() throws Exception {
        zkCli.create().forPath("/ns-made-by-reset"); // as the reset makes /crud: create, persistent
        try (CuratorFramework onReset = Clients.connected(
                     Clients.builder(server.connectString()).namespace("ns-made-by-reset").build());
             CuratorFramework onItsOwn = Clients.connected(
                     Clients.builder(server.connectString()).namespace("ns-made-by-curator").build())) {
            onReset.create().forPath("/app1");
            onItsOwn.create().forPath("/app1"); // the first use makes /ns-made-by-curator, a container
            CountDownLatch containerGone = new CountDownLatch(1);
            zkCli.checkExists().usingWatcher((Watcher) event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                    containerGone.countDown();
                }
            }).forPath("/ns-made-by-curator");

            // Empty the persistent one first: any check that finds the container empty finds both empty.
            onReset.delete().forPath("/app1");
            onItsOwn.delete().forPath("/app1");

            assertTrue(containerGone.await(30, TimeUnit.SECONDS), "the server did not remove the empty container");
            assertNotNull(zkCli.checkExists().forPath("/ns-made-by-reset"), "a persistent node is never removed");
        }
    }
}
