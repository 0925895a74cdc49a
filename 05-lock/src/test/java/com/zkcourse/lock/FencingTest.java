package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * A holder whose session ends on the server while it pauses (as a frozen process's does): with the lock alone
 * its late write goes through; with the fence (one transaction that checks its lock node) the server rejects
 * it, whether or not anyone wrote meanwhile. A holder that learns of the LOST session before it writes gives
 * the sale up. And the fencing token: the lock node's czxid keeps growing where the sequence number starts again.
 */
class FencingTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;
    private static final ExecutorService sellersThread = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.connect(zk.connectString(), Clients.SESSION_MS));
    }

    @AfterAll
    static void stopThread() {
        sellersThread.shutdownNow();
    }

    /** A seller paused just before its write, its lines, and how to wake it. */
    private record Paused(Future<Boolean> sale, BlockingQueue<String> lines, CountDownLatch wakeUp, String lockNode) {
    }

    /** Starts a sale by a seller of {@code sellersClient} and returns once it is paused just before its write. */
    private static Paused pausedBeforeItsWrite(CuratorFramework sellersClient, Seller.Guard guard) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch wakeUp = new CountDownLatch(1);
        Seller seller = new Seller("Fliggy", sellersClient, guard, lines::add).beforeWrite(ticket -> {
            paused.countDown();
            wakeUp.await();
        });
        Future<Boolean> sale = sellersThread.submit(seller::sellOne);
        assertTrue(paused.await(10, TimeUnit.SECONDS));
        List<String> nodes = LockNodes.sorted(client, Sale.MUTEX);
        assertEquals(1, nodes.size());
        return new Paused(sale, lines, wakeUp, nodes.get(0));
    }

    /** Ends the client's session on the server and waits until Curator has a new one: SUSPENDED, LOST, RECONNECTED. */
    private static void endSession(CuratorFramework sellersClient, BlockingQueue<String> lines) throws Exception {
        FencingDemo.endSessionOnServer(sellersClient, zk.connectString());
        assertEquals("Fliggy connection SUSPENDED: no selling until RECONNECTED", lines.poll(30, TimeUnit.SECONDS));
        assertEquals("Fliggy connection LOST: its session ended, and its lock node with it", lines.poll(30, TimeUnit.SECONDS));
        assertEquals("Fliggy connection RECONNECTED with a new session", lines.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void theFenceRejectsAPausedHoldersWriteEvenWhenNobodyWroteMeanwhile() throws Exception {
        Sale.open(client);
        try (CuratorFramework fliggy = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS)) {
            Paused paused = pausedBeforeItsWrite(fliggy, Seller.Guard.LOCK_AND_FENCE);
            endSession(fliggy, paused.lines());
            assertNull(client.checkExists().forPath(Sale.MUTEX + "/" + paused.lockNode()), "its lock node went with the session");
            Stat inventory = client.checkExists().forPath(Sale.TICKETS);
            assertEquals(0, inventory.getVersion(), "nobody wrote: the version it read still matches");

            paused.wakeUp().countDown();
            assertTrue(paused.sale().get(30, TimeUnit.SECONDS), "sellOne returned: release() did not throw");
            assertEquals("Fliggy ticket 10 rejected: NONODE on the check of its lock node, so nothing was written",
                    paused.lines().poll());
            assertEquals(0, client.checkExists().forPath(Sale.TICKETS).getVersion(), "the inventory was not written");
            assertEquals(List.of(), Ledger.read(client).sales());
        }
    }

    @Test
    void theFenceRejectsAPausedHoldersWriteAfterAnotherSellerSoldTheTicket() throws Exception {
        Sale.open(client);
        try (CuratorFramework fliggy = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS);
             CuratorFramework ctrip = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS)) {
            Paused paused = pausedBeforeItsWrite(fliggy, Seller.Guard.LOCK_AND_FENCE);
            endSession(fliggy, paused.lines());
            assertTrue(new Seller("Ctrip", ctrip, Seller.Guard.LOCK_AND_FENCE, line -> { }).sellOne());

            paused.wakeUp().countDown();
            paused.sale().get(30, TimeUnit.SECONDS);
            assertEquals("Fliggy ticket 10 rejected: NONODE on the check of its lock node, so nothing was written",
                    paused.lines().poll());
            Ledger ledger = Ledger.read(client);
            assertEquals(Map.of(10, 1L), ledger.timesSold());
            assertEquals(List.of(10), ledger.soldBy("Ctrip"));
            assertEquals(9, ledger.left());
            assertTrue(ledger.exact());
            assertEquals(List.of(), ledger.lockNodes());
        }
    }

    @Test
    void withTheLockAloneAPausedHoldersLateWriteSellsTheTicketTwice() throws Exception {
        Sale.open(client);
        try (CuratorFramework fliggy = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS);
             CuratorFramework ctrip = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS)) {
            Paused paused = pausedBeforeItsWrite(fliggy, Seller.Guard.LOCK);
            endSession(fliggy, paused.lines());
            new Seller("Ctrip", ctrip, Seller.Guard.LOCK, line -> { }).sellOne();

            paused.wakeUp().countDown();
            paused.sale().get(30, TimeUnit.SECONDS);
            assertTrue(paused.lines().poll().startsWith("Fliggy sold ticket 10"));
            Ledger ledger = Ledger.read(client);
            assertEquals(Map.of(10, 2L), ledger.timesSold());
            assertEquals(9, ledger.left(), "two sales, and the count went down by one");
            assertFalse(ledger.exact());
        }
    }

    @Test
    void aHolderThatLearnsOfTheLostSessionBeforeItsWriteGivesTheSaleUp() throws Exception {
        Sale.open(client);
        try (CuratorFramework fliggy = Clients.connect(zk.connectString(), Clients.SELLER_SESSION_MS)) {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            // Printing would take 10 minutes; the LOST session cuts it short.
            Seller seller = new Seller("Fliggy", fliggy, Seller.Guard.LOCK_AND_FENCE, lines::add).printing(600_000);
            Future<Boolean> sale = sellersThread.submit(seller::sellOne);
            assertEquals("Fliggy printing ticket 10 takes 600 s, with the lock held", lines.poll(30, TimeUnit.SECONDS));
            FencingDemo.endSessionOnServer(fliggy, zk.connectString());
            assertTrue(sale.get(30, TimeUnit.SECONDS));
            assertEquals("Fliggy connection SUSPENDED: no selling until RECONNECTED", lines.poll(30, TimeUnit.SECONDS));
            assertEquals("Fliggy connection LOST: its session ended, and its lock node with it", lines.poll(30, TimeUnit.SECONDS));
            // It gives up on LOST, without waiting for the new session: the two lines come in either order.
            assertEquals(Set.of("Fliggy gave up ticket 10: its session was lost during the sale",
                    "Fliggy connection RECONNECTED with a new session"),
                    Set.of(lines.poll(30, TimeUnit.SECONDS), lines.poll(30, TimeUnit.SECONDS)));
            assertEquals(List.of(), Ledger.read(client).sales());
            assertEquals(10, Ledger.read(client).left());
        }
    }

    @Test
    void theLockNodesCzxidKeepsGrowingWhileItsSequenceNumberStartsAgain() throws Exception {
        String path = "/lock/t-token";
        NamedMutex lock = new NamedMutex(client, path, "Ctrip");
        lock.acquire();
        String first = lock.lockNode();
        long firstToken = client.checkExists().forPath(first).getCzxid();
        lock.release();
        client.delete().forPath(path); // the empty container: the server would delete it itself, within minutes
        lock.acquire();
        String second = lock.lockNode();
        long secondToken = client.checkExists().forPath(second).getCzxid();
        lock.release();
        assertTrue(first.endsWith("-lock-0000000000") && second.endsWith("-lock-0000000000"), first + ", " + second);
        assertTrue(secondToken > firstToken, "czxid " + firstToken + " then " + secondToken);
    }
}
