package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseServer;

/**
 * Topic 4: changing a znode's data (the original course's testSet and testSetForVersion).
 *
 * <pre>mvn -q -pl 03-curator-crud -am compile exec:java@set</pre>
 *
 * <ol>
 *   <li>{@code setData().forPath(path, data)}: whatever the node holds now.</li>
 *   <li>{@code setData().withVersion(v).forPath(path, data)}: only if the node's dataVersion is still v, the
 *       version read with its data. Two clients that read, change and write back cannot overwrite each
 *       other's change unseen: the second one gets a BadVersionException.</li>
 *   <li>What fails: a stale version, a missing node, data over the server's limit (jute.maxbuffer).</li>
 * </ol>
 */
public final class SetDemo {

    /** One byte more than a mebibyte: more than any ZooKeeper server accepts by default. */
    private static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

    private SetDemo() {
    }

    public static void main(String[] args) throws Exception {
        try (CourseServer server = CourseServer.choose()) {
            run(server.connectString());
        } catch (NotConnectedException e) {
            System.out.flush();
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static void run(String connectString) throws Exception {
        Show.title("set: client.setData()");
        try (ZkCliView zk = ZkCliView.open(connectString)) {
            CuratorFramework client = CuratorFrameworkFactory.builder()
                    .connectString(connectString)
                    .sessionTimeoutMs(60_000)
                    .connectionTimeoutMs(5_000)
                    .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                    .namespace("crud") // "/app1" below is the znode /crud/app1
                    .build();
            try (client) {
                client.start();
                if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                    throw new NotConnectedException(connectString, 5);
                }
                Show.line("The client has the namespace \"crud\" (see the connect demo): \"/app1\" is /crud/app1.");
                Show.line("A \"zk>\" line shows the server the way zkCli.sh shows it, from a session of its own.");
                Leftovers.clear(client);
                client.create().forPath("/app1", "itheima".getBytes(UTF_8));
                Show.line("setup: emptied /crud, then created /crud/app1 = itheima (dataVersion 0)");

                set(client, zk);
                int version = setForVersion(client, zk);
                setWithAStaleVersion(client, zk, version - 1);
                setAMissingNode(client);
            }
            setTooMuchData(connectString, zk);
        }
    }

    private static void set(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(1, "Set the data (the original course's testSet)");
        Show.call("client.setData().forPath(\"/app1\", \"itcast\".getBytes(UTF_8))");
        Stat stat = client.setData().forPath("/app1", "itcast".getBytes(UTF_8));
        Show.result("the node's new Stat: dataVersion = " + stat.getVersion() + " (each set adds 1), dataLength = "
                + stat.getDataLength());
        zk.get("/crud/app1");
    }

    /** Returns the dataVersion the node has afterwards. */
    private static int setForVersion(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(2, "Set it only if nobody changed it since we read it (the original course's testSetForVersion)");
        Stat stat = new Stat();
        Show.call("client.getData().storingStatIn(stat).forPath(\"/app1\")");
        byte[] data = client.getData().storingStatIn(stat).forPath("/app1");
        int version = stat.getVersion();
        Show.result(Show.quoted(new String(data, UTF_8)) + ", stat.getVersion() = " + version);

        Show.call("client.setData().withVersion(" + version + ").forPath(\"/app1\", \"hehe\".getBytes(UTF_8))");
        Stat after = client.setData().withVersion(version).forPath("/app1", "hehe".getBytes(UTF_8));
        Show.result("dataVersion = " + after.getVersion() + ": the node was still at version " + version
                + ", so the server applied it");
        zk.get("/crud/app1");
        Show.note("withVersion(-1), the default, means any version: that is setData() without withVersion.");
        return after.getVersion();
    }

    private static void setWithAStaleVersion(CuratorFramework client, ZkCliView zk, int staleVersion)
            throws Exception {
        Show.step(3, "A stale version: somebody wrote after we read");
        Show.call("client.setData().withVersion(" + staleVersion + ").forPath(\"/app1\", \"stale\".getBytes(UTF_8))");
        try {
            client.setData().withVersion(staleVersion).forPath("/app1", "stale".getBytes(UTF_8));
        } catch (KeeperException.BadVersionException e) {
            int current = client.checkExists().forPath("/app1").getVersion();
            Show.failure(e, "its dataVersion is " + current + ", not " + staleVersion
                    + ": somebody wrote since it was read. Nothing changed; read it again, then retry.");
        }
        zk.get("/crud/app1");
    }

    private static void setAMissingNode(CuratorFramework client) throws Exception {
        Show.step(4, "A node that does not exist");
        Show.call("client.setData().forPath(\"/app9\", \"data\".getBytes(UTF_8))");
        try {
            client.setData().forPath("/app9", "data".getBytes(UTF_8));
        } catch (KeeperException.NoNodeException e) {
            Show.failure(e, "setData() never creates a node (client.create().orSetData() does either)");
        }
    }

    /**
     * The server reads a request's length first and drops the connection, without an answer, when it is over
     * jute.maxbuffer (0xfffff = 1048575 bytes by default). The client only sees the connection go: it gets a
     * ConnectionLossException, the same as for a network fault, and Curator retries it like one.
     */
    private static void setTooMuchData(String connectString, ZkCliView zk) throws Exception {
        Show.step(5, "Data over the server's limit (jute.maxbuffer, 1 MB by default)");
        // A client that retries once: every retry sends the same megabyte and loses the connection again.
        // With the chapter's ExponentialBackoffRetry(1_000, 3) it would sleep 3 to 11 s between its 4 tries.
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new RetryOneTime(100))
                .namespace("crud")
                .build();
        // Curator tells a ConnectionStateListener, on a thread of its own, each time the connection comes
        // (CONNECTED), goes (SUSPENDED) and comes back (RECONNECTED). The queue hands the states to this thread.
        BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
        client.getConnectionStateListenable().addListener((CuratorFramework c, ConnectionState state) -> states.add(state));
        try (client) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                throw new NotConnectedException(connectString, 5);
            }
            Show.line("(a client built as above, but with .retryPolicy(new RetryOneTime(100)): one retry)");
            long sessionBefore = client.getZookeeperClient().getZooKeeper().getSessionId();
            Show.call("client.setData().forPath(\"/app1\", new byte[1024 * 1024 + 1])");
            try {
                client.setData().forPath("/app1", new byte[OVER_THE_LIMIT]);
                Show.result("accepted: this server's jute.maxbuffer is larger than the default");
                return;
            } catch (KeeperException.ConnectionLossException e) {
                Show.failure(e, "the request is longer than the server's jute.maxbuffer (1048575 bytes by default),"
                        + " so the server closed the connection without an answer, on the try and on the retry.");
            }
            List<ConnectionState> seen = statesUntilReconnected(states);
            Show.note("The connection meanwhile, as a ConnectionStateListener saw it: " + seen);
            long sessionAfter = client.getZookeeperClient().getZooKeeper().getSessionId();
            Show.note("The client reconnected " + (sessionAfter == sessionBefore ? "within the same session"
                    : "with a new session") + "; the node is unchanged. Keep znode data small: bytes to"
                    + " kilobytes of coordination data, not files.");
        }
        zk.get("/crud/app1");
    }

    /**
     * The connection states the listener has seen, waiting (at most 10 s for each) until the connection has come
     * back as many times as it was lost: once for the try, once for the retry. The last RECONNECTED may come
     * after the exception: the call fails on one thread, the news of the lost connection travels on another.
     */
    private static List<ConnectionState> statesUntilReconnected(BlockingQueue<ConnectionState> states)
            throws InterruptedException {
        List<ConnectionState> seen = new ArrayList<>();
        int reconnections = 0;
        while (reconnections < 2) {
            ConnectionState state = states.poll(10, TimeUnit.SECONDS);
            if (state == null) {
                break; // no news for 10 s: show what there is
            }
            seen.add(state);
            reconnections += state == ConnectionState.RECONNECTED ? 1 : 0;
        }
        return seen;
    }
}
