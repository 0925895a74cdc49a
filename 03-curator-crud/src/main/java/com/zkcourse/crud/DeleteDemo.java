package com.zkcourse.crud;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 5: deleting znodes (the original course's testDelete, testDelete2, testDelete3, testDelete4).
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@delete</pre>
 *
 * <ol>
 *   <li>{@code delete().forPath(path)}: one node, which must have no children (zkCli's {@code delete}).</li>
 *   <li>{@code delete().deletingChildrenIfNeeded()}: a node and everything under it (zkCli's {@code deleteall}).</li>
 *   <li>{@code delete().guaranteed()}: if the connection fails, Curator keeps retrying it in the background
 *       until it succeeds, for as long as the client is open (the original course: "to survive a network hiccup").</li>
 *   <li>{@code delete().inBackground(callback)}: returns at once; the result arrives in a callback.</li>
 *   <li>What fails: a missing node, a node with children.</li>
 * </ol>
 */
public final class DeleteDemo {

    private DeleteDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("delete: client.delete()");
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
                for (String path : new String[] {"/app1", "/app2", "/app3", "/app4/p1", "/app4/p2"}) {
                    client.create().creatingParentsIfNeeded().forPath(path);
                }
                Show.line("setup: emptied /crud, then created /crud/app1, app2, app3, app4/p1 and app4/p2");
                zk.ls("/crud");

                deleteOne(client, zk);
                deleteWithChildren(client, zk);
                deleteGuaranteed(client, zk);
                deleteInTheBackground(client, zk);
            }
        }
    }

    private static void deleteOne(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(1, "One node (the original course's testDelete)");
        Show.call("client.delete().forPath(\"/app1\")");
        client.delete().forPath("/app1");
        Show.result("done (it returns nothing)");
        zk.ls("/crud");
        Show.call("client.delete().forPath(\"/app1\")");
        try {
            client.delete().forPath("/app1");
        } catch (KeeperException.NoNodeException e) {
            Show.failure(e, "it is gone already (client.delete().quietly() would not mind)");
        }
    }

    private static void deleteWithChildren(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(2, "A node with children (the original course's testDelete2)");
        Show.call("client.delete().forPath(\"/app4\")");
        try {
            client.delete().forPath("/app4");
        } catch (KeeperException.NotEmptyException e) {
            Show.failure(e, "it has children, and delete() removes one node only (zkCli's delete refuses too)");
        }
        Show.call("client.delete().deletingChildrenIfNeeded().forPath(\"/app4\")");
        client.delete().deletingChildrenIfNeeded().forPath("/app4");
        Show.result("done: p1 and p2 first, then app4 (zkCli's deleteall)");
        zk.ls("/crud");
    }

    private static void deleteGuaranteed(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(3, "A delete that must happen (the original course's testDelete3)");
        Show.call("client.delete().guaranteed().forPath(\"/app2\")");
        client.delete().guaranteed().forPath("/app2");
        Show.result("done. Had the connection failed, the call would still throw, but Curator would remember the");
        Show.note("delete and retry it in the background until it succeeds, for as long as this client is open.");
        zk.ls("/crud");
    }

    private static void deleteInTheBackground(CuratorFramework client, ZkCliView zk) throws Exception {
        Show.step(4, "In the background, with a callback (the original course's testDelete4)");
        deleteInTheBackground(client, "/app3",
                "returns at once; the server's answer comes to the callback, on Curator's event thread");
        zk.ls("/crud");
        // A failure in the background is no exception: the callback gets the error code instead.
        deleteInTheBackground(client, "/app3",
                "returns at once, no exception: in the background an error comes as a result code");
    }

    private static void deleteInTheBackground(CuratorFramework client, String path, String whatItReturns)
            throws Exception {
        // The callback runs later, on another thread. It hands its event over and counts the latch down; this
        // thread waits for the latch, with a time limit, then prints the event: no sleeping, no guessing.
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<CuratorEvent> answer = new AtomicReference<>();
        BackgroundCallback callback = (CuratorFramework c, CuratorEvent event) -> {
            answer.set(event);
            answered.countDown();
        };
        Show.call("client.delete().guaranteed().inBackground(callback).forPath(\"" + path + "\")");
        client.delete().guaranteed().inBackground(callback).forPath(path);
        Show.result(whatItReturns);

        Show.call("answered.await(10, TimeUnit.SECONDS)");
        if (!answered.await(10, TimeUnit.SECONDS)) {
            Show.result("false: no answer within 10 s (is the server still there?)");
            return;
        }
        CuratorEvent event = answer.get();
        Show.result("true; the callback got " + event); // what the original course's callback printed
        Show.note("type " + event.getType() + ", path " + event.getPath() + ", resultCode " + event.getResultCode()
                + " = KeeperException.Code." + KeeperException.Code.get(event.getResultCode()));
    }
}
