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
import java.util.stream.IntStream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.testing.UnusedPort;

/**
 * exec:java@seller in separate JVMs, as in two terminals: they share one sale, and each ticket is sold once.
 * And the one-line errors of a seller without a server or a name. (HolderProcessTest: a holder that dies,
 * freezes or is stopped with Ctrl-C.)
 */
@Order(3) // one of the longest: see junit-platform.properties
class SellerProcessTest {

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
