package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.Watcher;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * Persistent watches (ZooKeeper 3.6 and later): set once with {@code addWatch}, they fire for every change
 * until they are removed or the session ends. PERSISTENT watches one node (its data and its list of
 * children); PERSISTENT_RECURSIVE watches a node and every node below it. CuratorCache is built on them (the
 * recursive kind for a subtree, the plain one with SINGLE_NODE_CACHE). Neither replays the changes made while
 * the client was disconnected: see WatchReconnectDemo.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@watch-persistent   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class PersistentWatchDemo {

    /** Under the chapter's root /watch, like every node of this chapter. */
    static final String PATH = "/watch/persistent";

    private PersistentWatchDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, PersistentWatchDemo::run);
    }

    static void run(CourseServer server, boolean listen) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.connectString())
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                // A failed call is retried 3 times, with waits growing from about 1 s.
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                // No .namespace(...): the paths are the server's own, as zkCli shows them (README: "Namespaces").
                .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
                throw new CourseFailure("no connection to " + server.connectString() + " within 5 s: is the server still running?");
            }
            client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            System.out.println("Persistent watches, on " + PATH);
            System.out.println("create().creatingParentsIfNeeded().forPath(\"" + PATH + "\", \"v0\")");
            client.create().creatingParentsIfNeeded().forPath(PATH, bytes("v0"));

            EventLog events = new EventLog();
            Watcher watcher = event -> events.record(OneShotWatchDemo.describe(event));

            persistent(client, watcher, events);
            persistentRecursive(client, watcher, events);

            if (listen) {
                listenToEveryChange(server, client, events);
            }
        }
    }

    /** -Dlisten=true: a persistent recursive watch on the demo's node, until Ctrl-C. */
    private static void listenToEveryChange(CourseServer server, CuratorFramework client, EventLog events)
            throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Watcher watcher = event -> {
            events.record(OneShotWatchDemo.describe(event));
            if (event.getState() == Watcher.Event.KeeperState.Closed) {
                closed.countDown(); // the client is closing: ZooKeeper says goodbye to the watches still set
            }
        };
        client.watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE).usingWatcher(watcher).forPath(PATH);
        System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE)"
                + ".usingWatcher(watcher).forPath(\"" + PATH + "\")");
        ListenMode.untilCtrlC(server, "a persistent recursive watch on " + PATH,
                "create " + PATH + "/new hello   then   set " + PATH + "/new again", client);
        // The watcher runs on ZooKeeper's event thread: let it have its say before the JVM ends.
        closed.await(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        System.out.println("Closed the client: its session and its watches are gone.");
    }

    private static void persistent(CuratorFramework client, Watcher watcher, EventLog events) throws Exception {
        System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(watcher).forPath(\""
                + PATH + "\")");
        client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(watcher).forPath(PATH);
        for (String value : new String[] {"v1", "v2", "v3"}) {
            System.out.println("setData().forPath(\"" + PATH + "\", \"" + value + "\")");
            client.setData().forPath(PATH, bytes(value));
            events.await(1); // every change fires: no need to set the watch again
        }
        // PERSISTENT is a data watch and a children watch that both stay: a new child fires too.
        System.out.println("create().forPath(\"" + PATH + "/child\", \"c\")");
        client.create().forPath(PATH + "/child", bytes("c"));
        events.await(1);
        // It stays until removed (or until the session ends). Removing it is an event of its own.
        System.out.println("watchers().remove(watcher).forPath(\"" + PATH + "\")");
        client.watchers().remove(watcher).forPath(PATH);
        events.await(1);
    }

    private static void persistentRecursive(CuratorFramework client, Watcher watcher, EventLog events)
            throws Exception {
        System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE).usingWatcher(watcher)"
                + ".forPath(\"" + PATH + "\")");
        client.watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE).usingWatcher(watcher).forPath(PATH);

        String grandchild = PATH + "/child/grandchild";
        System.out.println("create().forPath(\"" + grandchild + "\", \"g\")");
        client.create().forPath(grandchild, bytes("g"));
        // Two levels down: NodeCreated, and no NodeChildrenChanged (recursive watches never send it).
        events.await(1);

        System.out.println("setData().forPath(\"" + PATH + "/child\", \"c2\")");
        client.setData().forPath(PATH + "/child", bytes("c2"));
        events.await(1);

        System.out.println("delete().deletingChildrenIfNeeded().forPath(\"" + PATH + "/child\")");
        client.delete().deletingChildrenIfNeeded().forPath(PATH + "/child");
        events.await(2); // the grandchild goes first, then the child

        System.out.println("watchers().remove(watcher).forPath(\"" + PATH + "\")");
        client.watchers().remove(watcher).forPath(PATH);
        events.await(1);
    }
}
