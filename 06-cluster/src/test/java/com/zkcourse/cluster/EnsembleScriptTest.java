package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.testing.ScriptRun;

/** bin/ensemble.sh: set-up that is safe to run twice, an honest status, and every mistake named in one line. */
class EnsembleScriptTest {

    static final Path README = Path.of("README.md");
    /** The script's lines for a test's ensemble, written the way the README shows yours (06-cluster/ensemble, 127.0.0.1N). */
    static final OutputMask MASK = OutputMask.standard()
            .and("127\\.\\d+\\.\\d+\\.\\d+:\\d+ *", "<address> ")
            .and("process \\d+", "process <pid>");

    @TempDir
    Path temp;
    EnsembleScript script;

    @BeforeAll
    static void install() throws Exception {
        ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
    }

    @BeforeEach
    void newEnsembleDirectory() {
        script = new EnsembleScript(temp.resolve("ensemble"));
    }

    @AfterEach
    void nothingLeftBehind() {
        script.killEveryServer();
    }

    @Test
    void setupMakesTheEnsembleAndASecondRunKeepsEverything() throws Exception {
        ScriptRun first = script.run("setup");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("", first.stderr());
        assertEquals(inTheReadmesWords(ReadmeQuotes.quoted(README, "ensemble-setup")), inTheReadmesWords(first.stdoutLines()));
        Map<Path, String> files = contents();
        for (int n = 1; n <= 3; n++) {
            assertEquals(n + "\n", Files.readString(script.myid(n)));
            assertTrue(Files.readString(script.config(n)).contains("dataDir=" + script.directory.resolve("server-" + n)
                    .resolve("data") + "\n"));
        }
        Files.writeString(script.config(2), "# my own note\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        files = contents();

        ScriptRun second = script.run("setup");
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(inTheReadmesWords(ReadmeQuotes.quoted(README, "ensemble-setup-again")),
                inTheReadmesWords(second.stdoutLines()));
        assertEquals(files, contents(), "a second setup changes no file: your edits and your data stay");
    }

    @Test
    void withoutOwnAddressesEachServerGetsPortsOfItsOwnOn127001() throws Exception {
        script = new EnsembleScript(temp.resolve("ports"), Map.of("ENSEMBLE_LAYOUT", "ports"));
        ScriptRun setup = script.run("setup");
        assertEquals(0, setup.exitCode(), setup.toString());
        for (int n = 1; n <= 3; n++) {
            // ZooKeeper's own parser reads it as the server it is meant to be.
            QuorumPeerConfig config = new QuorumPeerConfig();
            config.parse(script.config(n).toString());
            assertEquals(n, config.getServerId());
            assertEquals(new InetSocketAddress("127.0.0.1", 2190 + n), config.getClientPortAddress());
            for (int m = 1; m <= 3; m++) {
                var server = config.getQuorumVerifier().getAllMembers().get((long) m);
                assertEquals(new InetSocketAddress("127.0.0.1", 2880 + m), server.addr.getOne());
                assertEquals(new InetSocketAddress("127.0.0.1", 3880 + m), server.electionAddr.getOne());
            }
        }
    }

    @Test
    void statusSaysWhatEachServerSaysOrWhyItCannot() throws Exception {
        setUpOnAddressesOfOurOwn();
        ScriptRun start = script.run("start");
        assertEquals(0, start.exitCode(), start.toString());
        assertEquals(List.of("server 1: Starting zookeeper ... STARTED",
                "server 1: (not serving yet: an ensemble member waits until a majority of its servers runs)",
                "server 2: Starting zookeeper ... STARTED"), start.stdoutLines().subList(0, 3));
        assertEquals(List.of("server 1: already running as process <pid>", "server 2: already running as process <pid>",
                "server 3: already running as process <pid>"), MASK.apply(script.run("start").stdoutLines()));

        Map<Integer, String> modes = modes(script.run("status"));
        assertEquals(Set.of("leader", "follower"), Set.copyOf(modes.values()));
        int leader = modes.entrySet().stream().filter(e -> e.getValue().equals("leader")).findFirst().orElseThrow().getKey();
        List<Integer> followers = new ArrayList<>(List.of(1, 2, 3));
        followers.remove(Integer.valueOf(leader));

        ScriptRun freeze = script.run("freeze", String.valueOf(leader));
        assertEquals(0, freeze.exitCode(), freeze.toString());
        ScriptRun frozen = script.run("status", String.valueOf(leader));
        assertEquals(1, frozen.exitCode(), "a frozen server does not serve");
        assertEquals(List.of("server " + leader + "  <address> frozen (process <pid> is stopped and answers nothing:"
                + " ensemble.sh thaw " + leader + ")"), MASK.apply(frozen.stdoutLines()));
        assertEquals(0, script.run("thaw", String.valueOf(leader)).exitCode());

        ScriptRun stop = script.run("stop", String.valueOf(followers.get(0)));
        assertEquals(List.of("server " + followers.get(0) + ": Stopping zookeeper ... STOPPED"), stop.stdoutLines());
        ScriptRun kill = script.run("kill", String.valueOf(followers.get(1)));
        assertEquals(List.of("server " + followers.get(1) + ": killed process <pid> (SIGKILL): it ended at once,"
                + " without a word to the others"), MASK.apply(kill.stdoutLines()));
        // The leader, alone, stops serving within a second or so: ask it until it says so.
        String leaderAlone = modes(script.run("status", String.valueOf(leader))).get(leader);
        for (int tries = 0; !leaderAlone.startsWith("not serving") && tries < 60; tries++) {
            leaderAlone = modes(script.run("status", String.valueOf(leader))).get(leader);
        }
        assertEquals("not serving (it runs, but it does not see a majority of the servers)", leaderAlone);
        Map<Integer, String> alone = modes(script.run("status"));
        assertEquals(leaderAlone, alone.get(leader));
        assertEquals("not running", alone.get(followers.get(0)));
        assertEquals("not running", alone.get(followers.get(1)));
        assertEquals(1, script.run("status").exitCode());

        assertEquals(0, script.run("stop").exitCode());
        assertEquals(List.of("server 1  <address> not running", "server 2  <address> not running",
                "server 3  <address> not running"), MASK.apply(script.run("status").stdoutLines()));
        Clients.assertNothingRunsFrom(script.directory);
    }

    @Test
    void aServerWhoseMajorityNeverComesStartsAndSaysItDoesNotServe() throws Exception {
        setUpOnAddressesOfOurOwn();
        ScriptRun start = script.run("start", "1");
        assertEquals(0, start.exitCode(), start.toString());
        assertEquals(List.of("server 1: Starting zookeeper ... STARTED",
                "server 1: (not serving yet: an ensemble member waits until a majority of its servers runs)"),
                start.stdoutLines());
        ScriptRun status = script.run("status", "1");
        assertEquals(1, status.exitCode());
        assertEquals(List.of("server 1  <address> not serving (it runs, but it does not see a majority of the servers)"),
                MASK.apply(status.stdoutLines()));
        assertEquals(0, script.run("stop", "1").exitCode());
        Clients.assertNothingRunsFrom(script.directory);
    }

    @Test
    void eachMistakeIsNamedInOneLineAndNothingStarts() throws Exception {
        setUpOnAddressesOfOurOwn();
        Path myid = script.myid(1);
        String config1 = Files.readString(script.config(1));
        String config2 = Files.readString(script.config(2));

        Files.writeString(myid, "7\n");
        assertOneLine(1, "server 1: " + myid + " says '7', but " + script.config(1) + " has no server.7 line: myid must"
                + " be the number of this server's server.N line (1 here)", "start", "1");
        Files.writeString(myid, "2\n");
        assertOneLine(1, "server 1: " + myid + " says 2, but this is server 1: two servers with the same number would"
                + " fight over one place in the ensemble (write 1 into it)", "start", "1");
        Files.delete(myid);
        assertOneLine(1, "server 1: " + myid + " is missing: a server learns its number from it (ensemble.sh setup"
                + " writes it, or: echo 1 > " + myid + ")", "start", "1");
        Files.writeString(myid, "1\n");

        // Two servers on one port: in the server.N lines of one config, or two configs giving clients one address.
        String server1 = config1.lines().filter(line -> line.startsWith("server.1=")).findFirst().orElseThrow();
        String quorum1 = server1.substring("server.1=".length(), server1.lastIndexOf(':'));
        Files.writeString(script.config(1), config1.replaceAll("(?m)^server\\.2=.*$", "server.2=" + quorum1 + ":3999"));
        assertOneLine(1, script.config(1) + ": " + quorum1 + " is used by server.1 and server.2: every server needs its"
                + " own address (Linux) or its own ports (macOS)", "start", "1");
        Files.writeString(script.config(1), config1);
        String client1 = setting(config1, "clientPortAddress") + ":" + setting(config1, "clientPort");
        Files.writeString(script.config(2), config2
                .replaceAll("(?m)^clientPortAddress=.*$", "clientPortAddress=" + setting(config1, "clientPortAddress"))
                .replaceAll("(?m)^clientPort=.*$", "clientPort=" + setting(config1, "clientPort")));
        assertOneLine(1, "zoo-2.cfg and zoo-1.cfg both give clients " + client1 + ": every server needs its own address"
                + " (Linux) or its own clientPort (macOS)", "start", "2");
        Files.writeString(script.config(2), config2);

        // A port of this server held by another program (here, the test).
        String election = server1.substring(server1.lastIndexOf(':') + 1);
        String host = quorum1.substring(0, quorum1.indexOf(':'));
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(election)));
            assertOneLine(1, "server 1: " + host + ":" + election + " (its election port) is already in use by another"
                    + " program: stop it, or change server.1 in every zoo-N.cfg", "start", "1");
        }

        String usage = "usage: ensemble.sh {setup|start|stop|kill|freeze|thaw|status|reset} [1|2|3|all]";
        assertOneLine(2, "unknown command 'strat'. " + usage, "strat");
        assertOneLine(2, "no server '4': give 1, 2, 3 or all. " + usage, "start", "4");
        assertOneLine(2, "kill needs a server: 1, 2, 3 or all. " + usage, "kill");
        assertOneLine(2, "freeze needs one server: 1, 2 or 3. " + usage, "freeze", "all");
        assertOneLine(1, "server 2 is not running: nothing to freeze", "freeze", "2");
        Clients.assertNothingRunsFrom(script.directory);
    }

    @Test
    void resetStopsEveryServerAndDeletesTheEnsembleButNothingItDidNotMake() throws Exception {
        setUpOnAddressesOfOurOwn();
        assertEquals(0, script.run("start", "1").exitCode());
        assertEquals(0, script.run("freeze", "1").exitCode());
        ScriptRun reset = script.run("reset");
        assertEquals(0, reset.exitCode(), reset.toString());
        assertEquals(List.of("server 1: Stopping zookeeper ... STOPPED",
                "Deleted " + script.directory + ": configs, data and logs. ensemble.sh setup makes it again."),
                reset.stdoutLines());
        assertFalse(Files.exists(script.directory));
        Clients.assertNothingRunsFrom(script.directory);

        assertEquals(0, script.run("setup").exitCode());
        Files.writeString(script.directory.resolve("notes.txt"), "mine");
        assertOneLine(1, script.directory + " holds notes.txt, which setup did not make: delete it yourself", "reset");
        assertTrue(Files.exists(script.config(1)));
    }

    private void setUpOnAddressesOfOurOwn() throws Exception {
        assertEquals(0, script.run("setup").exitCode());
        script.moveTo(Layout.forThisRun(3));
    }

    private void assertOneLine(int exitCode, String line, String... args) throws Exception {
        ScriptRun run = script.run(args);
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(List.of("ensemble.sh: " + line), run.stderrLines());
        assertEquals("", run.stdout());
    }

    /** "server 2  127.0.0.12:2181  leader" -> 2 = leader. */
    private static Map<Integer, String> modes(ScriptRun status) {
        Map<Integer, String> modes = new TreeMap<>();
        for (String line : MASK.apply(status.stdoutLines())) {
            modes.put(line.charAt("server ".length()) - '0', line.substring(line.indexOf("<address> ") + 10));
        }
        return modes;
    }

    private Map<Path, String> contents() throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (var paths = Files.walk(script.directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path, Files.readString(path));
            }
        }
        return files;
    }

    private static String setting(String config, String key) {
        return config.lines().filter(line -> line.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }

    /** The test's ensemble directory written as the README's, 06-cluster/ensemble. */
    private List<String> inTheReadmesWords(List<String> lines) {
        return MASK.apply(lines.stream().map(line -> line.replace(script.directory.toString(), "06-cluster/ensemble"))
                .toList());
    }
}
