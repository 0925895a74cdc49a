package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.text;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * ZooKeeper's own watches, the ones every cache is built on: a read leaves a watch on the node, the next
 * change fires it once, and then it is gone. A change made before the watch is set again is never announced.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@watch-once   (add -Dlisten=true to try it from zkCli)</pre>
 */
public final class OneShotWatchDemo {

    /** Under the chapter's root /watch, like every node of this chapter. */
    static final String PATH = "/watch/once";

    private OneShotWatchDemo() {
    }

    public static void main(String[] args) {
        // -Dlisten is checked before a server is chosen (and maybe started).
        CourseMain.run(ListenMode::requested, OneShotWatchDemo::run);
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
            // Start from the same state on every run, even against a server that keeps data.
            client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            System.out.println("One-shot watches, on " + PATH);
            System.out.println("create().creatingParentsIfNeeded().forPath(\"" + PATH + "\", \"v0\")");
            client.create().creatingParentsIfNeeded().forPath(PATH, bytes("v0"));

            EventLog events = new EventLog();
            // The watcher is called on ZooKeeper's event thread. It only prints: the main thread waits for it.
            Watcher watcher = event -> events.record(describe(event));

            watchFiresOnce(client, watcher, events);
            watchesForCreateAndChildren(client, watcher, events);

            if (listen) {
                listenOnce(server, client, events);
            }
        }
    }

    /** -Dlisten=true: one fresh one-shot watch, for the student's first change. */
    private static void listenOnce(CourseServer server, CuratorFramework client, EventLog events) throws Exception {
        CountDownLatch calledOnce = new CountDownLatch(1);
        // A one-shot watcher is called exactly once: for your first change, or else with state:Closed when the
        // client closes (ZooKeeper says goodbye to the watches still set).
        Watcher watcher = event -> {
            events.record(describe(event));
            calledOnce.countDown();
        };
        byte[] now = client.getData().usingWatcher(watcher).forPath(PATH);
        System.out.println("getData().usingWatcher(watcher).forPath(\"" + PATH + "\") -> " + text(now)
                + "   (a fresh one-shot watch: it fires for your first change only)");
        ListenMode.untilCtrlC(server, "a one-shot watch on " + PATH, "set " + PATH + " hello", client);
        // The watcher runs on ZooKeeper's event thread: let it have its say before the JVM ends.
        calledOnce.await(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        System.out.println("Closed the client: its session and its watches are gone.");
    }

    private static void watchFiresOnce(CuratorFramework client, Watcher watcher, EventLog events) throws Exception {
        byte[] data = client.getData().usingWatcher(watcher).forPath(PATH);
        System.out.println("getData().usingWatcher(watcher).forPath(\"" + PATH + "\") -> " + text(data)
                + "   (the read leaves a one-shot watch)");

        System.out.println("setData().forPath(\"" + PATH + "\", \"v1\")");
        client.setData().forPath(PATH, bytes("v1"));
        events.await(1);

        // The watch fired and is gone. Nothing will print under this change.
        System.out.println("setData().forPath(\"" + PATH + "\", \"v2\")   (the watch was used up by v1)");
        client.setData().forPath(PATH, bytes("v2"));

        data = client.getData().usingWatcher(watcher).forPath(PATH);
        System.out.println("getData().usingWatcher(watcher).forPath(\"" + PATH + "\") -> " + text(data)
                + "   (read again: a new watch)");
        System.out.println("setData().forPath(\"" + PATH + "\", \"v3\")");
        client.setData().forPath(PATH, bytes("v3"));
        events.await(1);

        // ZooKeeper delivers a client's events in the order of the changes, so an event for v2 would have
        // arrived before the one for v3: the count is final.
        System.out.println("The watcher fired " + events.total() + " times for 3 changes: v2 was never announced,"
                + " the client only saw it by reading.");
    }

    private static void watchesForCreateAndChildren(CuratorFramework client, Watcher watcher, EventLog events)
            throws Exception {
        String child = PATH + "/child";
        Stat missing = client.checkExists().usingWatcher(watcher).forPath(child);
        System.out.println("checkExists().usingWatcher(watcher).forPath(\"" + child + "\") -> " + missing
                + "   (a watch on a node that does not exist yet)");
        System.out.println("getChildren().usingWatcher(watcher).forPath(\"" + PATH + "\") -> "
                + client.getChildren().usingWatcher(watcher).forPath(PATH) + "   (a watch on the list of children)");
        System.out.println("create().forPath(\"" + child + "\", \"c\")");
        client.create().forPath(child, bytes("c"));
        events.await(2); // one change, two watches: NodeCreated for the child, NodeChildrenChanged for its parent
    }

    /** An event the way zkCli prints it after WATCHER:: (without the zxid, which differs from run to run). */
    static String describe(WatchedEvent event) {
        return "WatchedEvent state:" + event.getState() + " type:" + event.getType() + " path:" + event.getPath();
    }
}
