package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;

/**
 * A seller process that holds the lock and then dies, freezes or is stopped: kill -9 leaves its lock node to
 * the server, which deletes it when the session times out; a holder frozen with SIGSTOP past its session
 * timeout sells nothing once it resumes; Ctrl-C closes the session, and the lock node goes at once.
 */
@Order(2) // one of the longest: see junit-platform.properties
class HolderProcessTest {

    /** The server ends a session between its timeout and one tick (2 s) later, counting from the last heartbeat. */
    private static final long SESSION_END_BOUND_MS = Clients.SELLER_SESSION_MS + 2 * 2_000;

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.connect(zk.connectString(), Clients.SESSION_MS));
    }

    private static ChildJvm.Running seller(String name, long printMillis) throws IOException {
        return SellerJvm.start(zk.connectString(), name, printMillis);
    }

    @Test
    void aHolderKilledWithKillMinus9LosesTheLockWhenTheServerEndsItsSession() throws Exception {
        Sale.open(client);
        try (ChildJvm.Running ctrip = seller("Ctrip", HolderDiesDemo.JAMMED_MS)) {
            assertEquals("Ctrip  printing ticket 10 takes 600 s, with the lock held", ctrip.lineStartingWith("Ctrip  printing"));
            try (ChildJvm.Running fliggy = seller("Fliggy", 0)) { // started once Ctrip holds the lock
                List<String> queued = LockNodes.await(client, Sale.MUTEX, nodes -> nodes.size() == 2);
                assertEquals("Ctrip", LockNodes.holder(client, Sale.MUTEX, queued.get(0)));

                ProcessHandle.of(ctrip.pid()).orElseThrow().destroyForcibly(); // SIGKILL: kill -9
                assertEquals(137, ctrip.waitFor(30), "128 + SIGKILL");
                long killedAt = System.nanoTime();
                assertEquals(queued, LockNodes.sorted(client, Sale.MUTEX), "the dead holder's node outlives its process");
                LockNodes.await(client, Sale.MUTEX, nodes -> !nodes.contains(queued.get(0)));
                long tookMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertTrue(tookMs <= SESSION_END_BOUND_MS, "the node went " + tookMs + " ms after the kill");
                System.out.println("kill -9: the lock node went " + tookMs + " ms after the kill"); // for the report

                assertEquals(0, fliggy.waitFor(60), fliggy.stderr());
                Ledger ledger = Ledger.read(client);
                assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), ledger.soldBy("Fliggy"));
                assertTrue(ledger.exact());
                assertEquals(List.of(), ledger.lockNodes());
            }
        }
    }

    @Test
    void ctrlCClosesTheSellersSessionSoItsLockNodeGoesAtOnce() throws Exception {
        Sale.open(client);
        try (ChildJvm.Running ctrip = seller("Ctrip", HolderDiesDemo.JAMMED_MS)) {
            ctrip.lineStartingWith("Ctrip  printing ticket 10");
            assertEquals(1, LockNodes.sorted(client, Sale.MUTEX).size());
            assertEquals(143, ctrip.stop(), "128 + SIGTERM, which runs the shutdown hooks as Ctrl-C does");
            assertEquals(List.of(), LockNodes.sorted(client, Sale.MUTEX), "gone at once, not after the session timeout");
            assertEquals(List.of(), ctrip.remainingLines());
            assertEquals("", ctrip.stderr());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // kill -STOP
    void aHolderFrozenPastItsSessionTimeoutSellsNothingWhenItResumes() throws Exception {
        Sale.open(client);
        try (ChildJvm.Running ctrip = seller("Ctrip", 2_000)) {
            ctrip.lineStartingWith("Ctrip  printing ticket 10");
            signal("STOP", ctrip.pid()); // frozen mid-print, the lock held: no heartbeats reach the server
            List<String> ctripsNode = LockNodes.sorted(client, Sale.MUTEX);
            assertEquals(1, ctripsNode.size());
            try (ChildJvm.Running fliggy = seller("Fliggy", 0)) {
                // The server ends the frozen session (maybe before Fliggy's JVM is even up); then Fliggy sells.
                LockNodes.await(client, Sale.MUTEX, all -> !all.contains(ctripsNode.get(0)));
                assertEquals(0, fliggy.waitFor(60), fliggy.stderr()); // Fliggy sold everything meanwhile
            }
            signal("CONT", ctrip.pid());
            assertEquals(0, ctrip.waitFor(60), ctrip.stderr());
            List<String> lines = ctrip.remainingLines();
            assertTrue(lines.contains("Ctrip  connection LOST: its session ended, and its lock node with it"), lines.toString());
            // Which of the two stops the late sale depends on whether the LOST event arrives before Ctrip's last
            // check (it gives the sale up) or after (its write reaches the server, and the fence rejects it).
            // FencingTest pins each one down; here either way nothing is sold twice.
            List<String> outcome = lines.stream().filter(line -> line.contains("ticket 10")).toList();
            assertEquals(1, outcome.size(), lines.toString());
            assertTrue(outcome.get(0).equals("Ctrip  ticket 10 rejected: NONODE on the check of its lock node, so nothing was written")
                    || outcome.get(0).equals("Ctrip  gave up ticket 10: its session was lost during the sale"), outcome.get(0));
            System.out.println("SIGSTOP: " + outcome.get(0)); // for the report
            Ledger ledger = Ledger.read(client);
            assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), ledger.soldBy("Fliggy"));
            assertEquals(List.of(), ledger.soldBy("Ctrip"));
            assertTrue(ledger.exact());
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue(), "kill -" + signal + " " + pid);
    }
}
