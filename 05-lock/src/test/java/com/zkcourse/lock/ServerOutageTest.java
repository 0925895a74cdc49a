package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * The server stops for less than a session timeout: a seller's connection is SUSPENDED, it does not sell until
 * it is RECONNECTED, its session (and so its lock node) survives, and the sale completes. This class stops its
 * server, so it has one of its own.
 */
class ServerOutageTest {

    /** Far longer than the outage (a stop and a restart take about a second): the session must survive it. */
    private static final int SESSION_MS = 20_000;

    @TempDir
    static Path dataDirectory;
    private static EmbeddedZooKeeper server;
    private static final ExecutorService sellersThread = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedZooKeeper.startIn(dataDirectory);
    }

    @AfterAll
    static void stop() {
        sellersThread.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHolderCutOffBrieflyKeepsItsLockNodeAndCompletesTheSaleAfterReconnecting() throws Exception {
        try (CuratorFramework client = Clients.connect(server.connectString(), Clients.SESSION_MS);
             CuratorFramework ctrip = Clients.connect(server.connectString(), SESSION_MS)) {
            Sale.open(client);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            // Printing takes 2 s with the lock held: the outage comes while Ctrip holds the lock.
            Seller seller = new Seller("Ctrip", ctrip, Seller.Guard.LOCK_AND_FENCE, lines::add).printing(2_000);
            Future<Boolean> sale = sellersThread.submit(seller::sellOne);
            assertEquals("Ctrip  printing ticket 10 takes 2 s, with the lock held", lines.poll(30, TimeUnit.SECONDS));
            List<String> lockNode = LockNodes.sorted(client, Sale.MUTEX);
            long czxid = client.checkExists().forPath(Sale.MUTEX + "/" + lockNode.get(0)).getCzxid();

            server.stop();
            assertEquals("Ctrip  connection SUSPENDED: no selling until RECONNECTED", lines.poll(30, TimeUnit.SECONDS));
            server.restart();
            assertEquals("Ctrip  connection RECONNECTED, same session", lines.poll(30, TimeUnit.SECONDS));
            assertTrue(sale.get(30, TimeUnit.SECONDS));
            assertEquals("Ctrip  sold ticket 10   (fencing token 0x" + Long.toHexString(czxid) + ")", lines.poll(),
                    "sold under the lock node it had before the outage: the fence's check passed");
            Ledger ledger = Ledger.read(client);
            assertEquals(List.of(10), ledger.soldBy("Ctrip"));
            assertEquals(9, ledger.left());
            assertEquals(List.of(), ledger.lockNodes());
        }
    }

    @Test
    void aSellerWhoseConnectionIsSuspendedDoesNotSellUntilItIsReconnected() throws Exception {
        try (CuratorFramework client = Clients.connect(server.connectString(), Clients.SESSION_MS);
             CuratorFramework ctrip = Clients.connect(server.connectString(), SESSION_MS)) {
            Sale.open(client);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Seller seller = new Seller("Ctrip", ctrip, Seller.Guard.LOCK_AND_FENCE, lines::add);
            server.stop();
            assertEquals("Ctrip  connection SUSPENDED: no selling until RECONNECTED", lines.poll(30, TimeUnit.SECONDS));
            Future<Boolean> sale = sellersThread.submit(seller::sellOne);
            server.restart();
            assertTrue(sale.get(30, TimeUnit.SECONDS));
            List<String> all = new ArrayList<>();
            lines.drainTo(all);
            // The sale waited for RECONNECTED: its line comes after (the listener prints before it lets a seller go on).
            assertEquals("Ctrip  connection RECONNECTED, same session", all.get(0));
            assertTrue(all.get(1).startsWith("Ctrip  sold ticket 10"), all.toString());
            assertEquals(2, all.size(), all.toString());
            assertFalse(Ledger.read(client).sales().isEmpty());
        }
    }
}
