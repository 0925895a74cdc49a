package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

/**
 * The drill as a student runs it, in a JVM of its own: it prints what the README quotes (times, counts, addresses
 * and the client's connection changes masked, which vary from run to run), it leaves nothing behind, and Ctrl-C
 * stops it with its servers.
 */
@Order(1) // the longest of the chapter's test classes: started first, the others run beside it
class DrillTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern ADDRESS = Pattern.compile("127\\.\\d+\\.\\d+\\.\\d+(:\\d+)*");
    private static final Pattern DIRECTORY = Pattern.compile("Configs, data and the servers' logs \\(server-N\\.log\\) in (\\S+),");
    private static final Pattern ELECTED = Pattern.compile("^  leader: server (\\d), elected ");
    private static final Pattern CLIENT = Pattern.compile("^  client: (none|((CONNECTED|SUSPENDED|RECONNECTED) after"
            + " \\d+\\.\\d\\d s(, |$))+)$");
    private static final OutputMask MASK = OutputMask.standard()
            .and("\\b\\d+\\.\\d\\d s\\b", "<t> s")
            .and("w-\\d{6}", "w-<n>")
            .and("(?m)^  client: .*$", "  client: <changes>")
            .and("(?m)^client: .* over the whole drill\\.$", "client: <counts> over the whole drill.")
            .and("\\d+ znodes: \\d+ of the \\d+ acknowledged writes, \\d+ of the \\d+ failed ones",
                    "<n> znodes: <n> of the <n> acknowledged writes, <n> of the <n> failed ones")
            .and("there all the same: \\d+", "there all the same: <n>");

    @BeforeAll
    static void install() throws Exception {
        ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void theDrillPrintsWhatTheReadmeQuotesAndLeavesNothingBehind() throws Exception {
        ChildJvm.Result result = ChildJvm.run(300, List.of(), ClusterDrill.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdoutLines();

        // What varies beyond the masks: the client's connection changes (checked for their form, and for one session
        // throughout), and which of two equal candidates an election picks (the README's picks, the ids swapped).
        for (String line : lines) {
            assertTrue(!line.startsWith("  client: ") || CLIENT.matcher(line).matches(), line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.matches("client: CONNECTED 1, SUSPENDED \\d+, RECONNECTED \\d+,"
                + " LOST 0 over the whole drill\\.")), "one session from start to end");
        assertEquals(normalized(ReadmeQuotes.quoted(README, "drill"), List.of()),
                normalized(lines, electedIn(normalized(ReadmeQuotes.quoted(README, "drill"), List.of()))));
        for (String line : lines) {
            Matcher counts = Pattern.compile("(\\d+) of the (\\d+) acknowledged writes").matcher(line);
            assertTrue(!counts.find() || counts.group(1).equals(counts.group(2)), line);
        }
        assertOnlyTheClientsReconnectWarnings(result.stderrLines());

        // Nothing left: no process from its directory, the directory gone, nothing on its addresses.
        Path directory = directoryOf(lines);
        Clients.assertNothingRunsFrom(directory);
        assertFalse(Files.exists(directory));
        assertNothingListensOn(lines);
    }

    @Test
    void ctrlCStopsTheDrillAndItsServers() throws Exception {
        try (ChildJvm.Running drill = ChildJvm.start(List.of(), ClusterDrill.class.getName())) {
            List<String> lines = new ArrayList<>();
            // The drill prints once its three servers serve: on a busy machine (the other test classes start
            // ensembles too) that can take longer than a line usually does.
            for (String line = drill.nextLine(120); !line.startsWith("Experiment 1:"); line = drill.nextLine(120)) {
                lines.add(line);
            }
            assertEquals(143, drill.stop(), "128 + SIGTERM: the JVM ended through its shutdown hooks");
            Path directory = directoryOf(lines);
            Clients.assertNothingRunsFrom(directory);
            assertFalse(Files.exists(directory), "the exit hook deleted the ensemble's directory");
            assertNothingListensOn(lines);
        }
    }

    /**
     * The masks, then addresses and the temporary directory; and where an election picked the other of two equal
     * candidates than the README's run, the two ids swapped from that experiment on (rows sorted again).
     */
    private static List<String> normalized(List<String> lines, List<String> readmeElected) {
        List<String> out = new ArrayList<>(MASK.apply(lines.stream()
                .map(line -> ADDRESS.matcher(line).replaceAll("<address>").replaceAll("<address> +", "<address> "))
                .map(line -> DIRECTORY.matcher(line).replaceAll("Configs, data and the servers' logs (server-N.log) in <dir>,"))
                .toList()));
        int elections = 0;
        for (int i = 0; i < out.size(); i++) {
            Matcher elected = ELECTED.matcher(out.get(i));
            if (!elected.find() || elections >= readmeElected.size()) {
                continue;
            }
            String theirs = elected.group(1);
            String ours = readmeElected.get(elections++);
            if (!theirs.equals(ours)) {
                int from = i;
                while (!out.get(from).startsWith("Experiment")) {
                    from--;
                }
                for (int j = from + 1; j < out.size(); j++) { // the heading itself names servers chosen before
                    out.set(j, out.get(j).replace("server " + theirs, "server #").replace("server " + ours, "server " + theirs)
                            .replace("server #", "server " + ours));
                }
            }
        }
        sortServerRows(out);
        return out;
    }

    private static List<String> electedIn(List<String> lines) {
        List<String> elected = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = ELECTED.matcher(line);
            if (matcher.find()) {
                elected.add(matcher.group(1));
            }
        }
        return elected;
    }

    /** Each block of table rows ("  server 1  <address> ...") in server order. */
    private static void sortServerRows(List<String> lines) {
        for (int start = 0; start < lines.size(); start++) {
            int end = start;
            while (end < lines.size() && lines.get(end).startsWith("  server ")) {
                end++;
            }
            if (end > start) {
                lines.subList(start, end).sort(Comparator.naturalOrder());
                start = end;
            }
        }
    }

    /** ZooKeeper's client may warn that it lost a server and looks for another: nothing else reaches stderr. */
    private static void assertOnlyTheClientsReconnectWarnings(List<String> stderr) {
        boolean afterWarning = false;
        for (String line : stderr) {
            if (line.matches("\\d\\d:\\d\\d:\\d\\d WARN  ClientCnxn - Session 0x\\p{XDigit}+ for server \\S+, Closing socket"
                    + " connection\\. Attempting reconnect except it is a SessionExpiredException or SessionTimeoutException\\.")) {
                afterWarning = true;
            } else {
                assertTrue(afterWarning && !line.matches("\\d\\d:\\d\\d:\\d\\d .*"), "unexpected on stderr: " + line);
                afterWarning = false; // the first line of the reason, then the next warning
            }
        }
    }

    private static Path directoryOf(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = DIRECTORY.matcher(line);
            if (matcher.find()) {
                return Path.of(matcher.group(1));
            }
        }
        throw new AssertionError("the drill did not say where its servers live: " + lines);
    }

    /** The client and election ports of the drill's servers (server.N=host:quorum:election   clients: host:port). */
    private static void assertNothingListensOn(List<String> lines) throws Exception {
        Pattern serverLine = Pattern.compile("^  server\\.\\d=([\\d.]+):\\d+:(\\d+)   clients: [\\d.]+:(\\d+)$");
        int servers = 0;
        for (String line : lines) {
            Matcher server = serverLine.matcher(line);
            if (server.matches()) {
                servers++;
                for (String port : List.of(server.group(2), server.group(3))) {
                    assertFalse(ListeningSockets.listeningAddresses(Integer.parseInt(port)).contains(server.group(1)),
                            server.group(1) + ":" + port + " still listens");
                }
            }
        }
        assertEquals(3, servers, "the drill names its three servers");
    }
}
