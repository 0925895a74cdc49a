package com.zkcourse.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;

/**
 * How InterProcessMutex works, shown on the server. Each client that wants the lock creates an ephemeral
 * sequential node under the lock's path; the lowest number holds the lock; every other client watches the node
 * just before its own, so a release wakes exactly one waiter (no herd of clients rushing at once).
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@recipe</pre>
 */
public final class LockRecipeDemo {

    static final String PATH = "/lock/recipe";

    /** One client that wants the lock: its own session, and its own thread (a mutex belongs to a thread). */
    private record Contender(String name, CuratorFramework client, NamedMutex lock, ExecutorService thread) {

        static Contender connect(String connectString, String name) throws InterruptedException {
            CuratorFramework client = Clients.connect(connectString, Clients.SESSION_MS);
            return new Contender(name, client, new NamedMutex(client, PATH, name), Executors.newSingleThreadExecutor());
        }

        Future<?> acquire() {
            return thread.submit(() -> { lock.acquire(); return null; }); // blocks until this client holds the lock
        }

        void release() throws Exception {
            thread.submit(() -> { lock.release(); return null; }).get(30, TimeUnit.SECONDS);
        }

        void close() {
            thread.shutdownNow();
            client.close();
        }
    }

    private LockRecipeDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        List<Contender> contenders = new ArrayList<>();
        try (CuratorFramework zkCli = Clients.connect(connectString, Clients.SESSION_MS)) {
            zkCli.delete().quietly().deletingChildrenIfNeeded().forPath(PATH); // what an earlier run left
            System.out.println("new InterProcessMutex(client, \"" + PATH + "\") in three clients: Ctrip, Fliggy, Qunar");
            for (String name : List.of("Ctrip", "Fliggy", "Qunar")) {
                contenders.add(Contender.connect(connectString, name));
            }
            Contender ctrip = contenders.get(0);
            Contender fliggy = contenders.get(1);
            Contender qunar = contenders.get(2);

            ctrip.acquire().get(30, TimeUnit.SECONDS);
            System.out.println("Ctrip  acquire() returned: it holds the lock");
            show(zkCli);
            Future<?> fliggyHolds = fliggy.acquire();
            LockNodes.await(zkCli, PATH, nodes -> nodes.size() == 2); // Fliggy's node is there: it waits
            System.out.println("Fliggy acquire() blocks: it waits");
            Future<?> qunarHolds = qunar.acquire();
            LockNodes.await(zkCli, PATH, nodes -> nodes.size() == 3);
            System.out.println("Qunar  acquire() blocks: it waits");
            show(zkCli);

            ctrip.release();
            System.out.println("Ctrip  release(): its node is deleted. Only Fliggy watched it, so only Fliggy wakes up");
            fliggyHolds.get(30, TimeUnit.SECONDS);
            System.out.println("Fliggy acquire() returned: it holds the lock");
            show(zkCli);
            fliggy.release();
            qunarHolds.get(30, TimeUnit.SECONDS);
            System.out.println("Fliggy release(); Qunar acquire() returned: it holds the lock");
            show(zkCli);
            qunar.release();
            System.out.println("Qunar  release()");
            show(zkCli);
        } finally {
            contenders.forEach(Contender::close);
        }
    }

    /** The lock nodes as zkCli's ls and get show them, with what the recipe makes of each. */
    private static void show(CuratorFramework zkCli) throws Exception {
        List<String> nodes = LockNodes.sorted(zkCli, PATH);
        System.out.println("  ls " + PATH + (nodes.isEmpty() ? " -> []   (the path stays: a container node, which the"
                + " server deletes once it has stayed empty)" : "   (ephemeral sequential nodes; data = who)"));
        for (int i = 0; i < nodes.size(); i++) {
            String role = i == 0 ? "holds the lock: the lowest number"
                    : "waits, watching " + sequenceOf(nodes.get(i - 1)) + ", the node just before its own";
            System.out.println("    " + nodes.get(i) + " = " + Seller.padded(LockNodes.holder(zkCli, PATH, nodes.get(i)))
                    + "  " + role);
        }
    }

    /** "...-lock-0000000001": enough of a node's name to tell it apart in one line. */
    private static String sequenceOf(String node) {
        return "..." + node.substring(node.lastIndexOf("-lock-"));
    }
}
