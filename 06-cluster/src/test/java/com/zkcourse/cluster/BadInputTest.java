package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ListeningSockets;

/**
 * What the real server does with a broken ensemble, and how the chapter's launcher reports it: in one line, with
 * the line of the server's log that says why, and with no process left behind. (ensemble.sh checks the same
 * mistakes before it starts anything: {@link EnsembleScriptTest}.)
 */
class BadInputTest {

    private static ChapterOneInstall zk;

    @BeforeAll
    static void install() throws Exception {
        zk = ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void aMyidThatMatchesNoServerLineStopsTheServerAtOnce() throws Exception {
        try (Ensemble ensemble = Ensemble.create(zk, Ensemble.Spec.of(3), Layout.forThisRun(3))) {
            ServerProcess one = ensemble.server(1);
            Files.writeString(myid(one), "7\n");
            StartFailure failure = assertThrows(StartFailure.class, one::start);
            assertEquals("server 1 stopped during start-up (exit code 1): java.lang.RuntimeException: My id 7 not in"
                    + " the peer list", failure.getMessage());
            assertFalse(one.isRunning());
        }
    }

    @Test
    void aMissingMyidStopsTheServerAtOnce() throws Exception {
        try (Ensemble ensemble = Ensemble.create(zk, Ensemble.Spec.of(3), Layout.forThisRun(3))) {
            ServerProcess one = ensemble.server(1);
            Files.delete(myid(one));
            StartFailure failure = assertThrows(StartFailure.class, one::start);
            assertEquals("server 1 stopped during start-up (exit code 2): java.lang.IllegalArgumentException: myid file"
                    + " is missing", failure.getMessage());
            assertFalse(one.isRunning());
        }
    }

    @Test
    void twoServersOnOnePortTheSecondStopsAtOnceAndTheFirstRunsOn() throws Exception {
        Path directory;
        Layout layout = Layout.forThisRun(3);
        try (Ensemble ensemble = Ensemble.create(zk, Ensemble.Spec.of(3), layout)) {
            directory = ensemble.directory;
            ServerProcess one = ensemble.server(1);
            ServerProcess two = ensemble.server(2);
            // server 2's clients at server 1's address: a copied zoo-1.cfg with one line forgotten
            List<String> lines = Files.readAllLines(two.config, StandardCharsets.UTF_8).stream()
                    .map(line -> line.startsWith("clientPortAddress=") ? "clientPortAddress=" + layout.server(1).host()
                            : line.startsWith("clientPort=") ? "clientPort=" + layout.server(1).clientPort() : line)
                    .toList();
            Files.write(two.config, lines, StandardCharsets.UTF_8);
            one.start();
            StartFailure failure = assertThrows(StartFailure.class, two::start);
            assertEquals("server 2 stopped during start-up (exit code 1): java.net.BindException: Address already in use",
                    failure.getMessage());
            assertTrue(failure.portTaken(), "the launcher would try another layout");
            assertTrue(one.isRunning(), "the first server is not disturbed");
        }
        Clients.assertNothingRunsFrom(directory);
        assertFalse(Files.exists(directory), "close() deletes the ensemble's directory");
    }

    @Test
    void anAddressThatIsNotThisMachinesCannotBeListenedOnAndTheServerStops() throws Exception {
        Layout layout = Layout.forThisRun(3);
        try (Ensemble ensemble = Ensemble.create(zk, Ensemble.Spec.of(3), layout)) {
            ServerProcess one = ensemble.server(1);
            // server.1 names an address of another machine (TEST-NET-1, never a local one), as a server.N line naming
            // a VM's public address does behind NAT: without quorumListenOnAllIPs it cannot listen there.
            List<String> lines = Files.readAllLines(one.config, StandardCharsets.UTF_8).stream()
                    .map(line -> line.startsWith("server.1=") ? "server.1=192.0.2.1:2881:3881" : line).toList();
            Files.write(one.config, lines, StandardCharsets.UTF_8);
            one.start(); // its client port opens first: it answers srvr ("not serving") for a few seconds
            assertEquals(OptionalInt.of(14), one.awaitExit(30_000), "ZooKeeper's exit code: unable to bind a quorum port");
            String log = Files.readString(one.log);
            assertTrue(log.contains("java.net.BindException: "), log);
            assertTrue(log.contains("Leaving listener thread for address 192.0.2.1:3881 after 3 errors"), log);
        }
    }

    @Test
    void aServerWhoseOthersNeverStartAnswersNotServingAndNothingHangs() throws Exception {
        Layout layout = Layout.forThisRun(3);
        try (Ensemble ensemble = Ensemble.create(zk, Ensemble.Spec.of(3), layout)) {
            ServerProcess one = ensemble.server(1);
            one.start(); // returns once it answers srvr, serving or not
            assertEquals(Status.Mode.NOT_SERVING, one.status(500).mode(), "1 of 3 is no majority");
            assertEquals(Optional.empty(), ensemble.awaitLeader(List.of(one), 2_000));
        }
        for (Layout.Address server : layout.servers()) {
            assertEquals(List.of(), ListeningSockets.listeningAddresses(server.clientPort()).stream()
                    .filter(address -> address.equals(server.host())).toList(), "nothing listens after close()");
        }
    }

    private static Path myid(ServerProcess server) {
        return server.config.getParent().resolve("server-" + server.id()).resolve("data").resolve("myid");
    }
}
