package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 2: creating znodes (the original course's testCreate, testCreate2, testCreate3, testCreate4).
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@create</pre>
 *
 * <ol>
 *   <li>{@code create().forPath(path)}: without data Curator stores its default data, this machine's IP address.</li>
 *   <li>{@code create().forPath(path, data)}: with data.</li>
 *   <li>{@code create().withMode(...)}: ephemeral (lives as long as the session) and sequential (a counter in the name).</li>
 *   <li>{@code create().creatingParentsIfNeeded()}: the missing parents too.</li>
 *   <li>What fails: a node that exists, a path that is not a path.</li>
 * </ol>
 */
public final class CreateDemo {

    private CreateDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("create: client.create()");
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
                Show.line("setup: emptied /crud (what an earlier run left there), so every run starts the same");

                withoutData(client, zk);
                withData(client, zk);
                ephemeral(client, zk);
                sequential(client);
                withItsParents(client, zk);
                whatFails(client);

                Show.line("");
                zk.ls("/crud");
            }
            // The client is closed: its session is over, so the server has deleted its ephemeral node.
            Show.call("client.close()");
            Show.result("the session is over: the server deleted the session's ephemeral node, /crud/app3");
            zk.ls("/crud");
        }
    }

    private static void withoutData(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(1, "Without data (the original course's testCreate2)");
        Show.call("client.create().forPath(\"/app1\")");
        String path = client.create().forPath("/app1");
        Show.result(Show.quoted(path) + ": the path as this client names it, without the namespace");
        zk.get("/crud/app1");
        Show.note("No data given, so Curator stored its default data: this machine's IP address,");
        Show.note("InetAddress.getLocalHost().getHostAddress(). builder().defaultData(new byte[0]) would store none.");
    }

    private static void withData(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(2, "With data (the original course's testCreate)");
        Show.call("client.create().forPath(\"/app2\", \"hehe\".getBytes(UTF_8))");
        String path = client.create().forPath("/app2", "hehe".getBytes(UTF_8));
        Show.result(Show.quoted(path));
        zk.get("/crud/app2");
    }

    private static void ephemeral(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(3, "With a mode: EPHEMERAL (the original course's testCreate3)");
        Show.call("client.create().withMode(CreateMode.EPHEMERAL).forPath(\"/app3\")");
        String path = client.create().withMode(CreateMode.EPHEMERAL).forPath("/app3");
        Show.result(Show.quoted(path) + ": it lives as long as this client's session");
        zk.stat("/crud/app3");

        Stat stat = client.checkExists().forPath("/app3");
        long sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
        Show.call("client.getZookeeperClient().getZooKeeper().getSessionId()");
        Show.result("0x" + Long.toHexString(sessionId) + ": the ephemeralOwner above is this session ("
                + (stat.getEphemeralOwner() == sessionId ? "equal" : "NOT equal") + ")");
    }

    private static void sequential(CuratorFramework client) throws Exception {
        Show.step(4, "With a mode: PERSISTENT_SEQUENTIAL");
        for (int i = 0; i < 2; i++) {
            Show.call("client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(\"/seq-\")");
            String path = client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath("/seq-");
            Show.result(Show.quoted(path));
        }
        Show.note("The server appends a 10-digit counter that the parent keeps: each name is new, and they sort");
        Show.note("in the order they were made. EPHEMERAL_SEQUENTIAL is both (chapter 05's lock is built on it).");
    }

    private static void withItsParents(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(5, "With its parents (the original course's testCreate4)");
        Show.call("client.create().forPath(\"/app4/p1\")");
        try {
            client.create().forPath("/app4/p1");
        } catch (KeeperException.NoNodeException e) {
            Show.failure(e, "its parent /crud/app4 does not exist, and create() makes one node only");
        }
        Show.call("client.create().creatingParentsIfNeeded().forPath(\"/app4/p1\")");
        String path = client.create().creatingParentsIfNeeded().forPath("/app4/p1");
        Show.result(Show.quoted(path) + ", and the parent /app4 first (a parent gets no data)");
        zk.ls("/crud/app4");
    }

    private static void whatFails(CuratorFramework client) throws Exception {
        Show.step(6, "What fails");
        Show.call("client.create().forPath(\"/app2\", \"again\".getBytes(UTF_8))");
        try {
            client.create().forPath("/app2", "again".getBytes(UTF_8));
        } catch (KeeperException.NodeExistsException e) {
            Show.failure(e, "it exists already; create() never overwrites (setData() changes data)");
        }
        for (String notAPath : new String[] {"app5", "/app5/", "/app5//p1"}) {
            Show.call("client.create().forPath(\"" + notAPath + "\")");
            try {
                client.create().forPath(notAPath);
            } catch (IllegalArgumentException e) {
                // Curator checks the path before it sends anything: this never reaches the server.
                Show.failure(e, e.getMessage() + " (checked by Curator, never sent)");
            }
        }
    }
}
