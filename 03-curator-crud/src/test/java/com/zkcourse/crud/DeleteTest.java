package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.api.CuratorEventType;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * The original course's testDelete, testDelete2, testDelete3 and testDelete4, and the ways delete fails. What makes
 * guaranteed() different (a delete that outlives a lost connection) needs a server that stops and comes
 * back: {@link GuaranteedDeleteTest}.
 */
class DeleteTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;  // like the demos': namespace "crud"
    private static CuratorFramework zkCli;   // no namespace, its own session

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.crud(zk.connectString()));
        zkCli = zk.closeAfterAll(Clients.plain(zk.connectString()));
    }

    @Test
    void testDelete_oneNode() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/testDelete/app1");
        client.create().forPath("/testDelete/app2");
        client.delete().forPath("/testDelete/app1");
        assertNull(zkCli.checkExists().forPath("/crud/testDelete/app1"));
        assertEquals(List.of("app2"), zkCli.getChildren().forPath("/crud/testDelete"));
    }

    @Test
    void deleteOfAMissingNodeFailsWithNoNodeUnlessQuietly() throws Exception {
        KeeperException.NoNodeException e = assertThrows(KeeperException.NoNodeException.class,
                () -> client.delete().forPath("/delete-missing"));
        assertEquals("/crud/delete-missing", e.getPath());
        client.delete().quietly().forPath("/delete-missing"); // no exception
    }

    @Test
    void deleteOfANodeWithChildrenFailsWithNotEmptyAndDeletesNothing() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/delete-not-empty/p1");
        KeeperException.NotEmptyException e = assertThrows(KeeperException.NotEmptyException.class,
                () -> client.delete().forPath("/delete-not-empty"));
        assertEquals("/crud/delete-not-empty", e.getPath());
        assertEquals(List.of("p1"), zkCli.getChildren().forPath("/crud/delete-not-empty"));
    }

    @Test
    void deleteWithAStaleVersionFailsWithBadVersion() throws Exception {
        client.create().forPath("/delete-stale", "v0".getBytes(UTF_8));
        client.setData().forPath("/delete-stale", "v1".getBytes(UTF_8));
        assertThrows(KeeperException.BadVersionException.class, () -> client.delete().withVersion(0).forPath("/delete-stale"));
        assertNotNull(zkCli.checkExists().forPath("/crud/delete-stale"));
        client.delete().withVersion(1).forPath("/delete-stale");
        assertNull(zkCli.checkExists().forPath("/crud/delete-stale"));
    }

    @Test
    void testDelete2_deletingChildrenIfNeeded() throws Exception {
        for (String path : List.of("/testDelete2/app4/p1/deeper", "/testDelete2/app4/p2", "/testDelete2/keep")) {
            client.create().creatingParentsIfNeeded().forPath(path);
        }
        client.delete().deletingChildrenIfNeeded().forPath("/testDelete2/app4");
        assertNull(zkCli.checkExists().forPath("/crud/testDelete2/app4"));
        assertEquals(List.of("keep"), zkCli.getChildren().forPath("/crud/testDelete2"), "only that subtree");
    }

    @Test
    void testDelete3_guaranteedDeletesLikeAPlainDeleteWhileConnected() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/testDelete3/app2");
        client.delete().guaranteed().forPath("/testDelete3/app2");
        assertEquals(List.of(), zkCli.getChildren().forPath("/crud/testDelete3"));
    }

    @Test
    void testDelete4_inBackgroundTheCallbackGetsTheEvent() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/testDelete4/app1");
        BlockingQueue<CuratorEvent> events = new LinkedBlockingQueue<>();
        BackgroundCallback callback = (CuratorFramework c, CuratorEvent event) -> events.add(event);

        client.delete().guaranteed().inBackground(callback).forPath("/testDelete4/app1");

        CuratorEvent event = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "no callback within 30 s");
        assertEquals(CuratorEventType.DELETE, event.getType());
        assertEquals("/testDelete4/app1", event.getPath(), "the path as the client names it");
        assertEquals(KeeperException.Code.OK.intValue(), event.getResultCode());
        assertNull(zkCli.checkExists().forPath("/crud/testDelete4/app1"));
    }

    @Test
    void testDelete4_inBackgroundAFailureIsAResultCodeNotAnException() throws Exception {
        BlockingQueue<CuratorEvent> events = new LinkedBlockingQueue<>();
        client.delete().inBackground((CuratorFramework c, CuratorEvent event) -> events.add(event))
                .forPath("/testDelete4-missing");

        CuratorEvent event = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "no callback within 30 s");
        assertEquals(CuratorEventType.DELETE, event.getType());
        assertEquals(KeeperException.Code.NONODE.intValue(), event.getResultCode());
        assertTrue(events.isEmpty(), "one call, one event");
    }

    /**
     * The notes: a background callback runs on ZooKeeper's event thread, the one that delivers watch events, so a
     * callback that takes its time holds up every watcher of the client.
     */
    @Test
    void aBackgroundCallbackRunsOnTheEventThreadSoASlowOneHoldsUpEveryWatcher() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/slow-callback/watched");
        client.create().forPath("/slow-callback/deleted");
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        CountDownLatch watcherRan = new CountDownLatch(1);
        client.checkExists().usingWatcher((Watcher) event -> {
            threads.add(Thread.currentThread());
            watcherRan.countDown();
        }).forPath("/slow-callback/watched");
        CountDownLatch callbackRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        client.delete().inBackground((CuratorFramework c, CuratorEvent event) -> {
            threads.add(Thread.currentThread());
            callbackRunning.countDown();
            release.await(30, TimeUnit.SECONDS); // a slow callback
        }).forPath("/slow-callback/deleted");
        assertTrue(callbackRunning.await(30, TimeUnit.SECONDS), "no callback within 30 s");

        // A foreground call is answered on another thread (the client's SendThread) and returns; the server has
        // sent the watch event before this answer, so it waits in the event thread's queue, behind the callback.
        client.setData().forPath("/slow-callback/watched", "changed".getBytes(UTF_8));
        assertEquals(1, watcherRan.getCount(), "the watcher ran while the callback still held the event thread");

        release.countDown();
        assertTrue(watcherRan.await(30, TimeUnit.SECONDS), "the watcher never ran");
        Thread callbackThread = threads.take();
        assertSame(callbackThread, threads.take(), "the callback and the watcher ran on one thread");
        assertTrue(callbackThread.getName().endsWith("-EventThread"), callbackThread.getName());
    }
}
