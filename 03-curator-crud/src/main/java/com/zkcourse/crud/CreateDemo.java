package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 2: creating znodes (the original course's testCreate, testCreate2, testCreate3, testCreate4): without
 * data, with data, ephemeral, sequential, with its parents, and what fails.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@create</pre>
 */
public final class CreateDemo {

    private CreateDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    // The demo closes its client itself, inside its try, to show what close() does; the try closes it again,
    // harmlessly (javac would warn about the explicit close).
    @SuppressWarnings("try")
    static void run(String connectString) throws Exception {
        Show.title("create: client.create()");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud")) { // "/app1" is the znode /crud/app1
            Leftovers.clear(client);

            Show.step(1, "Without data (the original course's testCreate2)");
            Show.call("client.create().forPath(\"/app1\")");
            String path = client.create().forPath("/app1");
            Show.result(Show.quoted(path) + ": the path as this client names it, without the namespace");
            zk.get("/crud/app1");
            Show.note("No data given, so Curator stored its default data: this machine's IP address,");
            Show.note("InetAddress.getLocalHost().getHostAddress(). builder().defaultData(new byte[0]) would store none.");

            Show.step(2, "With data (the original course's testCreate)");
            Show.call("client.create().forPath(\"/app2\", \"hehe\".getBytes(UTF_8))");
            path = client.create().forPath("/app2", "hehe".getBytes(UTF_8));
            Show.result(Show.quoted(path));
            zk.get("/crud/app2");

            Show.step(3, "With a mode: EPHEMERAL (the original course's testCreate3)");
            Show.call("client.create().withMode(CreateMode.EPHEMERAL).forPath(\"/app3\")");
            path = client.create().withMode(CreateMode.EPHEMERAL).forPath("/app3");
            Show.result(Show.quoted(path) + ": it lives as long as this client's session");
            zk.stat("/crud/app3");
            long owner = client.checkExists().forPath("/app3").getEphemeralOwner();
            Show.call("client.getZookeeperClient().getZooKeeper().getSessionId()");
            long sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
            Show.result("0x" + Long.toHexString(sessionId) + ": the ephemeralOwner above is this session ("
                    + (owner == sessionId ? "equal" : "NOT equal") + ")");

            Show.step(4, "With a mode: PERSISTENT_SEQUENTIAL");
            for (int i = 0; i < 2; i++) {
                Show.call("client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(\"/seq-\")");
                path = client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath("/seq-");
                Show.result(Show.quoted(path));
            }
            Show.note("The server appends a 10-digit counter that the parent keeps: each name is new, and they sort in");
            Show.note("the order they were made. EPHEMERAL_SEQUENTIAL is both: chapter 05's lock (to come) is built on it.");

            Show.step(5, "With its parents (the original course's testCreate4)");
            Show.call("client.create().forPath(\"/app4/p1\")");
            try {
                client.create().forPath("/app4/p1");
            } catch (KeeperException.NoNodeException e) {
                Show.failure(e, "its parent /crud/app4 does not exist, and create() makes one node only");
            }
            Show.call("client.create().creatingParentsIfNeeded().forPath(\"/app4/p1\")");
            path = client.create().creatingParentsIfNeeded().forPath("/app4/p1");
            Show.result(Show.quoted(path) + ", and the parent /app4 first (a parent gets no data)");
            zk.ls("/crud/app4");

            whatFails(client);
            Show.line("");
            zk.ls("/crud");
            Show.call("client.close()");
            client.close(); // (the try block would close it too; a second close does nothing)
            Show.result("the session is over: the server deleted the session's ephemeral node, /crud/app3");
            zk.ls("/crud");
        }
    }

    private static void whatFails(CuratorFramework client) throws Exception {
        Show.step(6, "What fails");
        Show.call("client.create().forPath(\"/app2\", \"again\".getBytes(UTF_8))");
        try {
            client.create().forPath("/app2", "again".getBytes(UTF_8));
        } catch (KeeperException.NodeExistsException e) {
            Show.failure(e, "it exists already; create() never overwrites (setData() changes data)");
        }
        // Curator checks a path before it sends anything: these never reach the server.
        Show.call("client.create().forPath(notAPath)");
        for (String notAPath : new String[] {"app5", "/app5/", "/app5//p1"}) {
            try {
                client.create().forPath(notAPath);
            } catch (IllegalArgumentException e) {
                Show.result(Show.quoted(notAPath) + ": IllegalArgumentException: " + e.getMessage()
                        + " (checked by Curator, never sent)");
            }
        }
    }
}
