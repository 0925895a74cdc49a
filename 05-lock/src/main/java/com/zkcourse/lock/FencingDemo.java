package com.zkcourse.lock;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

import com.zkcourse.tools.CourseMain;

/**
 * Why a lock alone does not protect the inventory, and the fence that does. Fliggy takes the lock, reads the
 * count, and pauses just before its write (a long garbage-collection pause, say) for longer than its session
 * timeout. The server ends its session and deletes its lock node; Ctrip takes the lock and sells the ticket.
 * Then Fliggy wakes up and writes. With the lock alone, its late write goes through: the ticket is sold
 * twice. With the fence, the write is one transaction that checks Fliggy's own lock node still exists, and
 * the server rejects it.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@fencing</pre>
 */
public final class FencingDemo {

    private FencingDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        System.out.println("1. The lock alone: a sale is setData, then create, as two plain calls");
        pausedHolder(connectString, Seller.Guard.LOCK);
        System.out.println();
        System.out.println("2. The lock and a fence: a sale is one transaction (check the lock node, setData at the"
                + " version read, create)");
        pausedHolder(connectString, Seller.Guard.LOCK_AND_FENCE);
    }

    private static void pausedHolder(String connectString, Seller.Guard guard) throws Exception {
        ExecutorService fliggysThread = Executors.newSingleThreadExecutor();
        try (CuratorFramework client = Clients.connect(connectString, Clients.SESSION_MS);
             CuratorFramework fliggysClient = Clients.connect(connectString, Clients.SELLER_SESSION_MS);
             CuratorFramework ctripsClient = Clients.connect(connectString, Clients.SELLER_SESSION_MS)) {
            Sale.open(client);
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch wakeUp = new CountDownLatch(1);
            Seller fliggy = new Seller("Fliggy", fliggysClient, guard, line -> System.out.println("  " + line))
                    .beforeWrite(ticket -> {
                        System.out.println("  Fliggy holds the lock, has read " + ticket + " left and checked its session,"
                                + " and pauses just before its write");
                        paused.countDown();
                        wakeUp.await();
                    });
            Future<Boolean> fliggysSale = fliggysThread.submit(fliggy::sellOne);
            await(paused, "Fliggy did not reach its write");

            System.out.println("  The server ends Fliggy's session, as it does when a paused client misses its session"
                    + " timeout:");
            endSessionOnServer(fliggysClient, connectString);
            fliggy.session().awaitNewSession(0); // SUSPENDED, LOST, then RECONNECTED: Curator made a new session
            System.out.println("  ls " + Sale.MUTEX + " -> " + LockNodes.sorted(client, Sale.MUTEX)
                    + ": Fliggy's lock node is gone");
            new Seller("Ctrip", ctripsClient, guard, line -> System.out.println("  " + line)).sellOne();

            System.out.println("  Fliggy wakes up and writes, sure it still holds the lock:");
            wakeUp.countDown();
            fliggysSale.get(30, TimeUnit.SECONDS);
            System.out.println("  Fliggy release() returned quietly: Curator ignores a lock node that is already gone");
            Ledger.read(client).summary(TicketSaleDemo.SELLERS).forEach(line -> System.out.println("  " + line));
        } finally {
            fliggysThread.shutdownNow();
        }
    }

    /**
     * Ends a client's session on the server, the way the server ends it when the client has been silent for its
     * session timeout: a second connection presents the session's id and password, then closes the session.
     * Its ephemeral nodes go at once; the client learns it when it reconnects (SUSPENDED, then LOST).
     */
    static void endSessionOnServer(CuratorFramework client, String connectString) throws Exception {
        ZooKeeper session = client.getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper sameSession = new ZooKeeper(connectString, Clients.SELLER_SESSION_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, session.getSessionId(), session.getSessionPasswd());
        try {
            await(connected, "no second connection to Fliggy's session");
        } finally {
            sameSession.close(); // closes the session itself, not only this connection
        }
    }

    private static void await(CountDownLatch latch, String otherwise) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(otherwise + " within 30 s");
        }
    }
}
