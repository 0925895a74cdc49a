package com.zkcourse.crud;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * Topic 5: deleting znodes (the original course's testDelete, testDelete2, testDelete3, testDelete4): one node,
 * a node and its children, a delete that must happen (guaranteed), and one in the background whose answer
 * comes to a callback, on the thread that also runs the client's watchers.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@delete</pre>
 */
public final class DeleteDemo {

    private DeleteDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("delete: client.delete()");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud")) {
            Leftovers.clear(client);
            for (String path : new String[] {"/app1", "/app2", "/app3", "/app4/p1", "/app4/p2"}) {
                client.create().creatingParentsIfNeeded().forPath(path);
            }
            Show.line("setup: created /crud/app1, app2, app3, app4/p1 and app4/p2");
            zk.ls("/crud");

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

            Show.step(3, "A delete that must happen (the original course's testDelete3)");
            Show.call("client.delete().guaranteed().forPath(\"/app2\")");
            client.delete().guaranteed().forPath("/app2");
            Show.result("done. Had the connection failed, the call would still throw, but Curator would remember the");
            Show.note("delete and retry it in the background until it succeeds, for as long as this client is open.");
            zk.ls("/crud");

            Show.step(4, "In the background, with a callback (the original course's testDelete4)");
            // This client also watches /app3, to see which thread runs what.
            BlockingQueue<Thread> watcherThread = new LinkedBlockingQueue<>();
            client.checkExists().usingWatcher((Watcher) event -> watcherThread.add(Thread.currentThread())).forPath("/app3");
            Answer answer = deleteInTheBackground(client, "returns at once; the server's answer comes to the callback");
            boolean sameThread = watcherThread.poll(10, TimeUnit.SECONDS) == answer.thread();
            Show.note("The callback ran on the thread that ran this client's watcher of /app3: " + sameThread + ".");
            Show.note("It is ZooKeeper's event thread, which delivers every watch event and background answer in turn:");
            Show.note("a slow callback holds them all up.");
            zk.ls("/crud");
            deleteInTheBackground(client, "returns at once, no exception: in the background an error comes as a result code");
        }
    }

    /** What the callback was given, and the thread it ran on. */
    private record Answer(CuratorEvent event, Thread thread) {
    }

    private static Answer deleteInTheBackground(CuratorFramework client, String whatItReturns) throws Exception {
        // The callback runs later, on another thread: it hands its event over through a queue, and this thread
        // waits for it there, with a time limit. No sleeping, no guessing.
        BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        BackgroundCallback callback = (CuratorFramework c, CuratorEvent event) ->
                answers.add(new Answer(event, Thread.currentThread()));
        Show.call("client.delete().guaranteed().inBackground(callback).forPath(\"/app3\")");
        client.delete().guaranteed().inBackground(callback).forPath("/app3");
        Show.result(whatItReturns);
        Show.call("answers.poll(10, TimeUnit.SECONDS)");
        Answer answer = answers.poll(10, TimeUnit.SECONDS);
        if (answer == null) {
            throw new CourseFailure("no answer to a background delete within 10 s: is the server still running?");
        }
        CuratorEvent event = answer.event();
        Show.result(event.toString()); // what the original course's callback printed
        Show.note("type " + event.getType() + ", path " + event.getPath() + ", resultCode " + event.getResultCode()
                + " = KeeperException.Code." + KeeperException.Code.get(event.getResultCode()));
        return answer;
    }
}
