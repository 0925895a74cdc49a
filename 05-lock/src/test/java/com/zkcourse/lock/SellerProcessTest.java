package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.testing.UnusedPort;

/**
 * exec:java@seller in separate JVMs, as in two terminals: they share one sale; a holder killed with kill -9
 * loses the lock when the server ends its session; a holder frozen with SIGSTOP past its session timeout sells
 * nothing once it resumes. And the one-line errors of a seller without a server or a name.
 */
class SellerProcessTest {

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
        return ChildJvm.start(List.of("zk.connect=" + zk.connectString(), "seller=" + name, "print.ms=" + printMillis),
                SellerMain.class.getName());
    }

    @Test
    void twoSellerProcessesShareOneSaleAndSellEachTicketOnce() throws Exception {
        Sale.open(client);
        // The test holds the lock while both processes start, so both are queued when the sale opens.
        NamedMutex opening = new NamedMutex(client, Sale.MUTEX, "opening");
        opening.acquire();
        try (ChildJvm.Running ctrip = seller("Ctrip", 50); ChildJvm.Running fliggy = seller("Fliggy", 50)) {
            LockNodes.await(client, Sale.MUTEX, nodes -> nodes.size() == 3);
            opening.release(); // the lock is fair: the two queued sellers now take turns

            assertEquals(0, ctrip.waitFor(60), ctrip.stderr());
            assertEquals(0, fliggy.waitFor(60), fliggy.stderr());
            Ledger ledger = Ledger.read(client);
            assertEquals(everyTicketOnce(), ledger.timesSold());
            assertEquals(10, ledger.soldBy("Ctrip").size() + ledger.soldBy("Fliggy").size());
            assertFalse(ledger.soldBy("Ctrip").isEmpty(), "Ctrip sold some");
            assertFalse(ledger.soldBy("Fliggy").isEmpty(), "Fliggy sold some");
            assertEquals(List.of(), ledger.lockNodes());
            List<String> ctripsLines = ctrip.remainingLines();
            assertEquals("Ctrip  sold out: /lock/12306/tickets = 0", ctripsLines.get(ctripsLines.size() - 6));
            assertEquals("  no ticket sold twice, and the count agrees: 10 at the start - 0 left = 10",
                    ctripsLines.get(ctripsLines.size() - 2));
            assertEquals("", ctrip.stderr() + fliggy.stderr());
        }
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
            try (ChildJvm.Running fliggy = seller("Fliggy", 0)) {
                List<String> nodes = LockNodes.await(client, Sale.MUTEX, all -> all.size() == 2);
                LockNodes.await(client, Sale.MUTEX, all -> !all.contains(nodes.get(0))); // the server ended its session
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

    @Test
    void aSellerWithoutARunningServerSaysSoInOneLine() throws Exception {
        try (UnusedPort nowhere = UnusedPort.reserve()) {
            // As a student without chapter 01's server: nothing answers where the connect rule looks.
            ChildJvm.Result result = ChildJvm.run(60, List.of("zk.localServer=" + nowhere.address(), "seller=Ctrip"),
                    SellerMain.class.getName());
            assertEquals(2, result.exitCode());
            assertEquals("", result.stdout(), "no embedded server: it would be this seller's alone");
            assertEquals(List.of("05-lock: no ZooKeeper server is running on " + nowhere.address() + ", and the sellers"
                    + " of two terminals must share one: start chapter 01's (01-install/bin/zkServer.sh start) or name"
                    + " one with -Dzk.connect=host:port"), result.stderrLines());
            // The README shows it as a student sees it, where the connect rule looks: 127.0.0.1:2181.
            assertEquals(ReadmeQuotes.quoted(Path.of("README.md"), "seller-without-server"),
                    result.stderr().replace(nowhere.address(), "127.0.0.1:2181").lines().toList());
        }
    }

    @Test
    void aSellerWithoutAUsableNameOrPrintTimeSaysSoInOneLine() throws Exception {
        List<List<String>> cases = List.of(List.of(), List.of("seller=Ctrip Fliggy"), List.of("seller=Ctrip", "print.ms=fast"));
        List<String> expected = List.of(
                "05-lock: which seller? name it with up to 12 letters and digits, for example -Dseller=Ctrip (and"
                        + " -Dseller=Fliggy in the other terminal)",
                "05-lock: -Dseller=Ctrip Fliggy: name it with up to 12 letters and digits, for example -Dseller=Ctrip"
                        + " (and -Dseller=Fliggy in the other terminal)",
                "05-lock: -Dprint.ms=fast is not a number of milliseconds (for example -Dprint.ms=1000)");
        List<String> seen = new ArrayList<>();
        for (List<String> switches : cases) {
            List<String> properties = new ArrayList<>(switches);
            properties.add("zk.connect=" + zk.connectString());
            ChildJvm.Result result = ChildJvm.run(60, properties, SellerMain.class.getName());
            assertEquals(2, result.exitCode());
            assertEquals("", result.stdout(), "refused before it looks for a server");
            seen.addAll(result.stderrLines());
        }
        assertEquals(expected, seen);
    }

    private static Map<Integer, Long> everyTicketOnce() {
        Map<Integer, Long> once = new TreeMap<>();
        IntStream.rangeClosed(1, 10).forEach(ticket -> once.put(ticket, 1L));
        return once;
    }
}
