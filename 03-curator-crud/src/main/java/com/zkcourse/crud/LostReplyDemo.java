package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ZKConfig;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * Topic 7: a write whose answer is lost. The server did the write, then the connection failed before the
 * answer arrived: the caller sees ConnectionLossException, and Curator tries the write again. A retried
 * versioned setData fails with BadVersion although it happened (idempotent() knows better); a retried create
 * makes a second node unless it is made withProtection().
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@lost-reply</pre>
 */
public final class LostReplyDemo {

    private LostReplyDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("lost-reply: the server did the write, the answer never came");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud");
             CuratorFramework lossy = lossyClient(connectString)) {
            Leftovers.clear(client);
            client.create().forPath("/app1", "itheima".getBytes(UTF_8));
            client.create().forPath("/plain");
            client.create().forPath("/protected");
            Show.line("setup: created /crud/app1 = itheima (dataVersion 0), /crud/plain and /crud/protected");
            Show.line("lossy is a second client: it loses every answer longer than 80 bytes,"
                    + " after the server has done the work");

            Show.step(1, "A versioned setData whose answer is lost");
            Show.call("lossy.setData().withVersion(0).forPath(\"/crud/app1\", \"mine\".getBytes(UTF_8))");
            try {
                lossy.setData().withVersion(0).forPath("/crud/app1", "mine".getBytes(UTF_8));
            } catch (KeeperException.BadVersionException e) {
                Show.failure(e, "the first try set it (version 0 -> 1), its answer was lost,");
                Show.note("and Curator's retry found version 1. Yet the write happened:");
            }
            zk.get("/crud/app1");
            Show.call("client.setData().idempotent().withVersion(0).forPath(\"/app1\", \"mine\".getBytes(UTF_8))");
            Stat stat = client.setData().idempotent().withVersion(0).forPath("/app1", "mine".getBytes(UTF_8));
            Show.result("dataVersion " + stat.getVersion()
                    + ", no exception: on BadVersion, idempotent() reads the node, and when it holds");
            Show.note("this data at version 0 + 1, the write counts as done. With it, the retry above would have succeeded.");

            Show.step(2, "A sequential create whose answer is lost");
            Show.call("lossy.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath(\"/crud/plain/job-\")");
            try {
                lossy.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath("/crud/plain/job-");
            } catch (KeeperException.ConnectionLossException e) {
                Show.failure(e, "both tries lost their answers, and so the names of the nodes they made:");
            }
            zk.ls("/crud/plain");
            Show.note("Two nodes of this session that it knows nothing about: they stay until the session ends, and a lock");
            Show.note("built on such nodes (chapter 05, to come) would wait behind them until then.");

            Show.step(3, "The same with withProtection()");
            Show.call("lossy.create().withProtection().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath(\"/crud/protected/job-\")");
            String path = lossy.create().withProtection().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                    .forPath("/crud/protected/job-");
            Show.result(Show.quoted(path));
            zk.ls("/crud/protected");
            Show.note("One node: its name starts with _c_ and an id Curator chose for this call. The answer was lost");
            Show.note("as before; the retry looked among the children for that id, found the node, and made no other.");
        }
    }

    /**
     * A client that drops its connection whenever an answer is longer than 80 bytes, as a network fault might at
     * the worst moment: answers to setData and create are longer (they carry a Stat), errors are shorter.
     */
    static CuratorFramework lossyClient(String connectString) throws InterruptedException {
        ZKClientConfig shortAnswersOnly = new ZKClientConfig();
        shortAnswersOnly.setProperty(ZKConfig.JUTE_MAXBUFFER, "80"); // the longest answer this client reads
        CuratorFramework lossy = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new RetryOneTime(100))  // one retry, not the course's 3: enough to show it, and quick
                .zkClientConfig(shortAnswersOnly)
                .ensembleTracker(false)               // else Curator reads /zookeeper/config, a long answer
                .build();                             // no namespace: Curator would check /crud, a long answer
        lossy.start();
        if (!lossy.blockUntilConnected(5, TimeUnit.SECONDS)) {
            lossy.close();
            throw new CourseFailure("no connection to " + connectString + " within 5 s: is the server still running?");
        }
        return lossy;
    }
}
