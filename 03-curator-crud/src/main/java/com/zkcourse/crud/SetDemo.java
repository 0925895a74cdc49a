package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 4: changing a znode's data (the original course's testSet and testSetForVersion). withVersion(v) sets
 * it only if the node's dataVersion is still v, the version read with its data: two clients that read,
 * change and write back cannot overwrite each other's change unseen. (Data over the server's limit,
 * jute.maxbuffer, loses the connection: SetTest shows it.)
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@set</pre>
 */
public final class SetDemo {

    private SetDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("set: client.setData()");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud")) {
            Leftovers.clear(client);
            client.create().forPath("/app1", "itheima".getBytes(UTF_8));
            Show.line("setup: created /crud/app1 = itheima (dataVersion 0)");

            Show.step(1, "Set the data (the original course's testSet)");
            Show.call("client.setData().forPath(\"/app1\", \"itcast\".getBytes(UTF_8))");
            Stat stat = client.setData().forPath("/app1", "itcast".getBytes(UTF_8));
            Show.result("the node's new Stat: dataVersion = " + stat.getVersion() + " (each set adds 1), dataLength = "
                    + stat.getDataLength());
            zk.get("/crud/app1");

            Show.step(2, "Set it only if nobody changed it since we read it (the original course's testSetForVersion)");
            Show.call("client.getData().storingStatIn(stat).forPath(\"/app1\")");
            byte[] data = client.getData().storingStatIn(stat).forPath("/app1");
            Show.result(Show.quoted(new String(data, UTF_8)) + ", stat.getVersion() = " + stat.getVersion());
            Show.call("client.setData().withVersion(stat.getVersion()).forPath(\"/app1\", \"hehe\".getBytes(UTF_8))");
            int read = stat.getVersion();
            stat = client.setData().withVersion(stat.getVersion()).forPath("/app1", "hehe".getBytes(UTF_8));
            Show.result("dataVersion = " + stat.getVersion() + ": the node was still at version " + read
                    + ", so the server applied it");
            zk.get("/crud/app1");
            Show.note("withVersion(-1), the default, means any version: that is setData() without withVersion.");

            Show.step(3, "A stale version: somebody wrote after we read");
            Show.call("client.setData().withVersion(1).forPath(\"/app1\", \"stale\".getBytes(UTF_8))");
            try {
                client.setData().withVersion(1).forPath("/app1", "stale".getBytes(UTF_8));
            } catch (KeeperException.BadVersionException e) {
                int current = client.checkExists().forPath("/app1").getVersion();
                Show.failure(e, "its dataVersion is " + current + ", not 1: somebody wrote since it was read."
                        + " Nothing changed; read it again, then retry.");
            }
            zk.get("/crud/app1");

            Show.step(4, "A node that does not exist");
            Show.call("client.setData().forPath(\"/app9\", \"data\".getBytes(UTF_8))");
            try {
                client.setData().forPath("/app9", "data".getBytes(UTF_8));
            } catch (KeeperException.NoNodeException e) {
                Show.failure(e, "setData() never creates a node (client.create().orSetData() does either)");
            }
        }
    }
}
