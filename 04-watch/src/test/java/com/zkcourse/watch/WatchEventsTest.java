package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/** ZooKeeper's own watches: one-shot ones fire once, persistent ones every time until removed. */
class WatchEventsTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() {
        client = zk.closeAfterAll(CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100)));
        client.start();
    }

    @Test
    void aOneShotWatchFiresForTheFirstChangeOnly() throws Exception {
        String path = "/t-once/node";
        client.create().creatingParentsIfNeeded().forPath(path, bytes("v0"));
        Recorder events = new Recorder();
        Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());

        client.getData().usingWatcher(watcher).forPath(path);
        client.setData().forPath(path, bytes("v1"));
        events.expect("NodeDataChanged " + path);

        client.setData().forPath(path, bytes("v2"));
        client.setData().forPath(path, bytes("v3"));
        // A watch set after v2 and v3 fires after any event they could have produced: it must come next.
        client.getData().usingWatcher(watcher).forPath("/t-once");
        client.setData().forPath("/t-once", bytes("marker"));
        events.expect("NodeDataChanged /t-once");
    }

    @Test
    void theSameWatcherSetTwiceOnANodeIsCalledOnce() throws Exception {
        String path = "/t-twice";
        client.create().forPath(path, bytes("v0"));
        Recorder events = new Recorder();
        Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());
        client.getData().usingWatcher(watcher).forPath(path);
        client.checkExists().usingWatcher(watcher).forPath(path);
        client.setData().forPath(path, bytes("v1"));
        events.expect("NodeDataChanged " + path);
        client.create().forPath(path + "/marker", bytes("m"));
        client.getData().usingWatcher(watcher).forPath(path + "/marker");
        client.setData().forPath(path + "/marker", bytes("marker"));
        events.expect("NodeDataChanged " + path + "/marker"); // the next event: no second call for the same change
    }

    @Test
    void existsAndChildrenWatchesFireForCreationAndForTheChildList() throws Exception {
        String parent = "/t-exists";
        client.create().forPath(parent, bytes("p"));
        Recorder events = new Recorder();
        Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());

        client.checkExists().usingWatcher(watcher).forPath(parent + "/child");
        client.getChildren().usingWatcher(watcher).forPath(parent);
        client.create().forPath(parent + "/child", bytes("c"));
        events.expect("NodeCreated " + parent + "/child", "NodeChildrenChanged " + parent);
    }

    @Test
    void aPersistentWatchFiresForEveryChangeUntilRemoved() throws Exception {
        String path = "/t-persistent";
        client.create().forPath(path, bytes("v0"));
        Recorder events = new Recorder();
        Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());

        client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(watcher).forPath(path);
        for (int i = 1; i <= 5; i++) {
            client.setData().forPath(path, bytes("v" + i));
            events.expect("NodeDataChanged " + path);
        }
        client.create().forPath(path + "/child", bytes("c"));
        events.expect("NodeChildrenChanged " + path);
        // Not recursive: the child's own data and children are not watched; the parent's next change is the
        // next event.
        client.setData().forPath(path + "/child", bytes("c2"));
        client.create().forPath(path + "/child/grandchild", bytes("g"));
        client.setData().forPath(path, bytes("v6"));
        events.expect("NodeDataChanged " + path);
        // Deleting the child (and its child first) changes the parent's list of children once.
        client.delete().deletingChildrenIfNeeded().forPath(path + "/child");
        events.expect("NodeChildrenChanged " + path);
        client.create().forPath(path + "/child", bytes("again"));
        events.expect("NodeChildrenChanged " + path);

        client.watchers().remove(watcher).forPath(path);
        events.expect("PersistentWatchRemoved " + path);
        client.setData().forPath(path, bytes("after removal"));
        client.getData().usingWatcher(watcher).forPath(path + "/child");
        client.setData().forPath(path + "/child", bytes("marker"));
        events.expect("NodeDataChanged " + path + "/child");
    }

    @Test
    void aPersistentRecursiveWatchReportsNodesAtAnyDepthButNeverChildLists() throws Exception {
        String path = "/t-recursive";
        client.create().forPath(path, bytes("root"));
        Recorder events = new Recorder();
        Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());

        client.watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE).usingWatcher(watcher).forPath(path);
        client.create().forPath(path + "/a", bytes("1"));
        client.create().forPath(path + "/a/b", bytes("2"));
        client.setData().forPath(path + "/a/b", bytes("3"));
        client.setData().forPath(path, bytes("root2"));
        client.delete().deletingChildrenIfNeeded().forPath(path + "/a");
        events.expect(
                "NodeCreated " + path + "/a",
                "NodeCreated " + path + "/a/b",
                "NodeDataChanged " + path + "/a/b",
                "NodeDataChanged " + path,
                "NodeDeleted " + path + "/a/b",
                "NodeDeleted " + path + "/a");
        client.watchers().remove(watcher).forPath(path);
        events.expect("PersistentWatchRemoved " + path);
    }

    /**
     * Why the chapter's clients use no namespace: in Curator 5.9.0, watchers().remove(watcher) looks the watcher
     * up under the namespaced path while it was registered under the plain one, so it is never found (and
     * CuratorCache.close(), which removes its watch that way, leaves the watch behind). If this test fails
     * after a Curator upgrade, the bug is fixed: update the README's "Namespaces" section.
     */
    @Test
    void inCurator590AWatchSetThroughANamespaceCannotBeRemovedByWatcher() throws Exception {
        try (CuratorFramework namespaced = CuratorFrameworkFactory.builder()
                .connectString(zk.connectString())
                .retryPolicy(new RetryOneTime(100))
                .namespace("t-namespace")
                .build()) {
            namespaced.start();
            namespaced.create().forPath("/node", bytes("x"));
            Recorder events = new Recorder();
            Watcher watcher = event -> events.add(event.getType() + " " + event.getPath());
            namespaced.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(watcher).forPath("/node");

            assertThrows(KeeperException.NoWatcherException.class,
                    () -> namespaced.watchers().remove(watcher).forPath("/node"));
            // The watch is still there and still fires (paths in events are inside the namespace).
            namespaced.setData().forPath("/node", bytes("y"));
            events.expect("NodeDataChanged /node");
            // removeAll() needs no lookup of the watcher, and works.
            namespaced.watchers().removeAll().forPath("/node");
            events.expect("PersistentWatchRemoved /node");
        }
    }
}
