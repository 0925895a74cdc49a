package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 4: changing a znode's data (the original course's testSet and testSetForVersion).
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@set</pre>
 *
 * <ol>
 *   <li>{@code setData().forPath(path, data)}: whatever the node holds now.</li>
 *   <li>{@code setData().withVersion(v).forPath(path, data)}: only if the node's dataVersion is still v, the
 *       version read with its data. Two clients that read, change and write back cannot overwrite each
 *       other's change unseen: the second one gets a BadVersionException.</li>
 *   <li>What fails: a stale version, a missing node. (Data over the server's limit, jute.maxbuffer, loses
 *       the connection: SetTest shows it.)</li>
 * </ol>
 */
public final class SetDemo {

    private SetDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
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
}
