package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 3: reading znodes (the original course's testGet1, testGet2, testGet3).
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@get</pre>
 *
 * <ol>
 *   <li>{@code getData().forPath(path)}: the data, zkCli's {@code get}.</li>
 *   <li>{@code getChildren().forPath(path)}: the children's names, zkCli's {@code ls}.</li>
 *   <li>{@code getData().storingStatIn(stat).forPath(path)}: the data and the node's Stat, zkCli's
 *       {@code get -s} ({@code ls -s} gives the children and the Stat).</li>
 *   <li>What fails: a node that does not exist.</li>
 * </ol>
 */
public final class GetDemo {

    private GetDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("get: client.getData(), client.getChildren(), storingStatIn(stat)");
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
                client.create().forPath("/app2", "hehe".getBytes(UTF_8));
                client.create().creatingParentsIfNeeded().forPath("/app4/p1", "child".getBytes(UTF_8));
                Show.line("setup: emptied /crud, then created /crud/app1 = itheima, /crud/app2 = hehe, /crud/app4/p1 = child");

                theData(client, zk);
                theChildren(client, zk);
                theStat(client, zk);
                whatFails(client);
            }
        }
    }

    private static void theData(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(1, "The data (the original course's testGet1)");
        Show.call("client.getData().forPath(\"/app1\")");
        byte[] data = client.getData().forPath("/app1");
        Show.result("byte[" + data.length + "], new String(data, UTF_8) = " + Show.quoted(new String(data, UTF_8)));
        zk.get("/crud/app1");
    }

    private static void theChildren(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(2, "The children (the original course's testGet2)");
        Show.call("client.getChildren().forPath(\"/\")");
        List<String> children = new ArrayList<>(client.getChildren().forPath("/"));
        Collections.sort(children); // the server returns them in no particular order; zkCli sorts them too
        Show.result(children + " (sorted): \"/\" is the namespace's node, /crud; names only, not paths");
        zk.ls("/crud");
        Show.call("client.getChildren().forPath(\"/app4\")");
        Show.result(client.getChildren().forPath("/app4").toString());
    }

    private static void theStat(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(3, "The Stat, a node's metadata (the original course's testGet3)");
        Stat stat = new Stat();
        Show.call("Stat stat = new Stat()");
        Show.result(stat.toString().strip() + ": every field 0 until a call fills it in (the original course printed it too)");

        Show.call("client.getData().storingStatIn(stat).forPath(\"/app1\")");
        byte[] data = client.getData().storingStatIn(stat).forPath("/app1");
        Show.result(Show.quoted(new String(data, UTF_8)) + ", and stat now holds, field by field:");
        // The same eleven fields zkCli prints for stat, ls -s and get -s, in its order and with its names.
        Show.note("cZxid = 0x" + Long.toHexString(stat.getCzxid()) + "  <- stat.getCzxid(): the transaction that created it");
        Show.note("ctime = " + new Date(stat.getCtime()) + "  <- stat.getCtime(): when, in ms since 1970");
        Show.note("mZxid = 0x" + Long.toHexString(stat.getMzxid()) + "  <- stat.getMzxid(): the transaction that last set its data");
        Show.note("mtime = " + new Date(stat.getMtime()) + "  <- stat.getMtime(): when");
        Show.note("pZxid = 0x" + Long.toHexString(stat.getPzxid()) + "  <- stat.getPzxid(): the transaction that last added or removed a child");
        Show.note("cversion = " + stat.getCversion() + "  <- stat.getCversion(): how many times a child was added or removed");
        Show.note("dataVersion = " + stat.getVersion() + "  <- stat.getVersion(): how many times its data was set");
        Show.note("aclVersion = " + stat.getAversion() + "  <- stat.getAversion(): how many times its ACL was set");
        Show.note("ephemeralOwner = 0x" + Long.toHexString(stat.getEphemeralOwner())
                + "  <- stat.getEphemeralOwner(): the session that owns it; 0 for a persistent node");
        Show.note("dataLength = " + stat.getDataLength() + "  <- stat.getDataLength(): bytes of data");
        Show.note("numChildren = " + stat.getNumChildren() + "  <- stat.getNumChildren()");
        Show.note("dataLength " + stat.getDataLength() + " = the bytes of \"itheima\"; dataVersion "
                + stat.getVersion() + ": its data has not been set since it was created (ctime = mtime)");

        // zkCli's ls -s: the children and the Stat of the node that holds them.
        zk.lsWithStat("/crud/app4");
    }

    private static void whatFails(CuratorFramework client) throws Exception {
        Show.step(4, "What fails");
        Show.call("client.getData().forPath(\"/app9\")");
        try {
            client.getData().forPath("/app9");
        } catch (KeeperException.NoNodeException e) {
            Show.failure(e, "there is no such node; reading never creates one");
        }
        Show.call("client.checkExists().forPath(\"/app9\")");
        Stat stat = client.checkExists().forPath("/app9");
        Show.result(stat + ": checkExists() answers with null instead of an exception");
    }
}
