package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.take;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.Watcher;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;
import com.zkcourse.tools.Directories;
import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * Watches while the client is cut off from its server, and after it is back with the same session. A one-shot
 * watch catches up: the client sends it again with the last zxid it saw, and the server fires it if the node
 * changed since. A persistent watch is set again without that check, so a change made while the client was
 * away is never announced. A CuratorCache reads its nodes again after every RECONNECTED, so it ends up right.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@watch-reconnect</pre>
 */
public final class WatchReconnectDemo {

    static final String PATH = "/watch/reconnect";

    private WatchReconnectDemo() {
    }

    public static void main(String[] args) {
        // The demo stops its server and starts it again, so it runs servers of its own, never the one of
        // -Dzk.connect or chapter 01's: the one its client uses, and a second one on the same data.
        CourseMain.runWithOwnServers(WatchReconnectDemo::run);
    }

    static void run() throws Exception {
        Path data = Files.createTempDirectory("zk-watch-reconnect");
        EmbeddedZooKeeper server = EmbeddedZooKeeper.startIn(data);
        System.out.println("ZooKeeper server: " + server.connectString() + " (embedded ZooKeeper "
                + CourseServer.zooKeeperVersion() + " of this demo's own, which it stops and starts again)");
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.connectString())
                .sessionTimeoutMs(60_000) // far longer than the outage below: the session survives it
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
                throw new CourseFailure("no connection to " + server.connectString() + " within 5 s");
            }
            BlockingQueue<String> states = new LinkedBlockingQueue<>();
            client.getConnectionStateListenable().addListener((eventClient, state) -> {
                if (state != ConnectionState.CONNECTED) { // the first connection's event may still be on its way
                    states.add(state.toString());
                }
            });
            for (String node : new String[] {"once", "persistent", "cached"}) {
                client.create().creatingParentsIfNeeded().forPath(PATH + "/" + node, bytes("v0"));
            }
            System.out.println("Watches across a disconnect, on " + PATH + "/once, /persistent and /cached, each = v0");

            // Watchers also hear the connection come and go (type None): only the nodes' events are kept here.
            BlockingQueue<String> once = new LinkedBlockingQueue<>();
            BlockingQueue<String> persistent = new LinkedBlockingQueue<>();
            client.getData().usingWatcher(nodeEventsTo(once)).forPath(PATH + "/once");
            System.out.println("getData().usingWatcher(watcher).forPath(\"" + PATH + "/once\")   (a one-shot watch)");
            client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(nodeEventsTo(persistent))
                    .forPath(PATH + "/persistent");
            System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(watcher).forPath(\""
                    + PATH + "/persistent\")");
            BlockingQueue<String> cached = new LinkedBlockingQueue<>();
            try (CuratorCache cache = CuratorCache.build(client, PATH + "/cached")) {
                cache.listenable().addListener(CuratorCacheListener.builder()
                        .forChanges((before, after) -> cached.add("NODE_CHANGED " + EventLog.show(after)
                                + "   (was " + EventLog.text(before.getData()) + ")"))
                        .forInitialized(() -> cached.add("initialized"))
                        .build());
                cache.start();
                System.out.println("CuratorCache.build(client, \"" + PATH + "/cached\").start() -> " + take(cached));
                long session = client.getZookeeperClient().getZooKeeper().getSessionId();

                System.out.println();
                System.out.println("The server stops: the client is cut off");
                server.stop();
                System.out.println("  connection " + take(states));
                // In an ensemble the other servers go on taking writes; here a second server on the same data does.
                System.out.println("Meanwhile another client sets all three to v1, through a second server on the same "
                        + "data");
                try (EmbeddedZooKeeper other = EmbeddedZooKeeper.startIn(data);
                     CuratorFramework otherClient = CuratorFrameworkFactory.newClient(other.connectString(),
                             new ExponentialBackoffRetry(1_000, 3))) {
                    otherClient.start();
                    for (String node : new String[] {"once", "persistent", "cached"}) {
                        otherClient.setData().forPath(PATH + "/" + node, bytes("v1"));
                    }
                }
                System.out.println("The server starts again, on its port, with that data");
                server.restart();
                boolean sameSession = session == client.getZookeeperClient().getZooKeeper().getSessionId();
                System.out.println("  connection " + take(states) + (sameSession ? "   (the same session)" : ""));
                System.out.println("  one-shot watch: " + take(once) + "   (a change since the client's last zxid)");
                System.out.println("  CuratorCache: " + take(cached) + "   (it reads its nodes again on RECONNECTED)");

                System.out.println("setData().forPath(\"" + PATH + "/persistent\", \"v2\")");
                client.setData().forPath(PATH + "/persistent", bytes("v2"));
                System.out.println("  persistent watch: " + take(persistent));
                // Events arrive in the order of the changes: an event for v1 would have come before this one.
                System.out.println(persistent.isEmpty()
                        ? "The persistent watch fired once for two changes: v1, made while the client was away, "
                                + "was never announced."
                        : "The persistent watch fired again: " + persistent);
            }
        } finally {
            server.close();
            Directories.deleteRecursively(data);
        }
    }

    private static Watcher nodeEventsTo(BlockingQueue<String> events) {
        return event -> {
            if (event.getType() != Watcher.Event.EventType.None) {
                events.add(OneShotWatchDemo.describe(event));
            }
        };
    }
}
