package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.take;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * When a session expires, what belonged to it goes with it: its ephemeral nodes and its watches. Curator
 * opens a new session (LOST, then RECONNECTED), but re-creating the nodes and the watches is up to you, or to a
 * recipe that does it (PersistentNode here; CuratorCache sets its watch again too). And a client that dies
 * without closing its session leaves its ephemeral nodes behind until the server gives up on it, a session
 * timeout later: a process restarted sooner meets its own node as NodeExistsException.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@session-expiry</pre>
 */
public final class SessionExpiryDemo {

    static final String PATH = "/watch/session";
    private static final String PLAIN = PATH + "/plain";
    private static final String KEPT = PATH + "/kept";
    private static final String CONFIG = PATH + "/config";

    private SessionExpiryDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                // Not the course's 60 s: a 4 s session (the shortest a server with tickTime 2000 grants) lets the
                // server give up on a silent client within seconds. Curator warns when the connection timeout is
                // longer than the session, hence 4 s there too.
                .sessionTimeoutMs(4_000)
                .connectionTimeoutMs(4_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
                throw new CourseFailure("no connection to " + connectString + " within 5 s: is the server still running?");
            }
            client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            client.create().creatingParentsIfNeeded().forPath(CONFIG, bytes("v0"));
            long first = sessionId(client);
            System.out.println("Session expiry, on " + PATH + ": this client's session is 0x" + Long.toHexString(first)
                    + ", with a timeout of " + client.getZookeeperClient().getZooKeeper().getSessionTimeout() + " ms");

            System.out.println("create().withMode(CreateMode.EPHEMERAL).forPath(\"" + PLAIN + "\")");
            client.create().withMode(CreateMode.EPHEMERAL).forPath(PLAIN);
            // Curator's recipe for "this node exists as long as I run": it creates the node again in a new session.
            BlockingQueue<String> created = new LinkedBlockingQueue<>();
            try (PersistentNode kept = new PersistentNode(client, CreateMode.EPHEMERAL, false, KEPT, bytes("k"))) {
                kept.getListenable().addListener(created::add);
                kept.start();
                take(created);
                System.out.println("new PersistentNode(client, CreateMode.EPHEMERAL, false, \"" + KEPT + "\", ...).start()");
                // A watch hears of its session too (type None): those events go apart from the node's changes.
                BlockingQueue<String> sessionEvents = new LinkedBlockingQueue<>();
                BlockingQueue<String> changes = new LinkedBlockingQueue<>();
                Watcher oldWatch = event -> (event.getType() == Watcher.Event.EventType.None ? sessionEvents : changes)
                        .add(OneShotWatchDemo.describe(event));
                client.watchers().add().withMode(AddWatchMode.PERSISTENT).usingWatcher(oldWatch).forPath(CONFIG);
                System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT)...forPath(\"" + CONFIG + "\")");

                expire(client, sessionEvents);
                long second = sessionId(client);
                System.out.println("  the session now: 0x" + Long.toHexString(second) + (second != first ? ", a new one" : ""));
                oldNodesLiveOnUntilTheServerGivesUp(client, first, second, created);
                watchesMustBeSetAgain(client, changes);
            } // closing the PersistentNode deletes its node, before the client closes
        }
    }

    /** The client loses its session without a word to the server, as a process that crashed would. */
    private static void expire(CuratorFramework client, BlockingQueue<String> oldWatchSessionEvents) throws Exception {
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        client.getConnectionStateListenable().addListener((eventClient, state) -> {
            if (state != ConnectionState.CONNECTED) { // the first connection's event may still be on its way
                states.add(state.toString());
            }
        });
        System.out.println();
        System.out.println("getZooKeeper().getTestable().injectSessionExpiration()   (the client gives up its "
                + "session without telling the server, as a crashed process would)");
        // ZooKeeper's test hook. Run on the client's event thread (where a background callback runs), it is done
        // before Curator hears of the expiry, so the session is dropped without a word to the server; from main,
        // Curator could react first and close the session properly.
        ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
        client.checkExists().inBackground((eventClient, event) -> zooKeeper.getTestable().injectSessionExpiration())
                .forPath(PATH);
        System.out.println("  connection " + take(states) + ", then " + take(states));
        System.out.println("  the watch on " + CONFIG + ": " + take(oldWatchSessionEvents)); // every watch hears it
    }

    private static void oldNodesLiveOnUntilTheServerGivesUp(CuratorFramework client, long first, long second,
            BlockingQueue<String> created) throws Exception {
        // One call reads the node and leaves a watch for its deletion.
        BlockingQueue<String> gone = new LinkedBlockingQueue<>();
        Stat plain = client.checkExists().usingWatcher((Watcher) event -> gone.add(OneShotWatchDemo.describe(event)))
                .forPath(PLAIN);
        System.out.println("checkExists().forPath(\"" + PLAIN + "\") -> still there, owned by "
                + owner(plain.getEphemeralOwner(), first, "the old session") + ": the server has not given up on it");
        try {
            client.create().withMode(CreateMode.EPHEMERAL).forPath(PLAIN);
        } catch (KeeperException.NodeExistsException e) {
            System.out.println("create().withMode(CreateMode.EPHEMERAL).forPath(\"" + PLAIN + "\") -> "
                    + "NodeExistsException   (what a crashed process restarted this soon meets too)");
        }
        System.out.println("Waiting for the server to expire the old session (its timeout, rounded up to a tick)...");
        System.out.println("  " + take(gone));
        String recreated = take(created);
        System.out.println("  PersistentNode created " + recreated + " again, owned by "
                + owner(client.checkExists().forPath(KEPT).getEphemeralOwner(), second, "the new session"));
        System.out.println("checkExists().forPath(\"" + PLAIN + "\") -> " + client.checkExists().forPath(PLAIN)
                + "   (a plain ephemeral node is not created again: that is up to you)");
    }

    private static void watchesMustBeSetAgain(CuratorFramework client, BlockingQueue<String> oldWatchChanges)
            throws Exception {
        System.out.println("setData().forPath(\"" + CONFIG + "\", \"v1\")   (the watch went with the old session)");
        client.setData().forPath(CONFIG, bytes("v1"));
        BlockingQueue<String> newWatch = new LinkedBlockingQueue<>();
        client.watchers().add().withMode(AddWatchMode.PERSISTENT)
                .usingWatcher((Watcher) event -> newWatch.add(OneShotWatchDemo.describe(event))).forPath(CONFIG);
        System.out.println("watchers().add().withMode(AddWatchMode.PERSISTENT)...forPath(\"" + CONFIG + "\")   (set again)");
        System.out.println("setData().forPath(\"" + CONFIG + "\", \"v2\")");
        client.setData().forPath(CONFIG, bytes("v2"));
        System.out.println("  " + take(newWatch));
        // Events arrive in the order of the changes: an event of the old watch for v1 would be here by now.
        System.out.println("The old watch heard " + (oldWatchChanges.isEmpty() ? "nothing" : oldWatchChanges)
                + " of v1 or v2.");
    }

    /** {@code name} when the session is the expected one, else its id. */
    private static String owner(long session, long expected, String name) {
        return session == expected ? name : "0x" + Long.toHexString(session);
    }

    private static long sessionId(CuratorFramework client) throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }
}
