package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ScriptRun;
import com.zkcourse.testing.UnusedPort;

/** Each mistake gets one line that names it and what to do, and a non-zero exit; nothing starts. */
class ZkServerBadInputTest {

    private static final String ZOOKEEPER_MAIN = "org.apache.zookeeper.ZooKeeperMain";

    @TempDir
    static Path temp;
    static ZkHome zk;

    @BeforeAll
    static void install() throws Exception {
        zk = ZkHome.install(temp.resolve("zookeeper"));
    }

    @AfterAll
    static void noServerOutlivesTheTests() throws Exception {
        zk.killEveryServer();
    }

    @Test
    void aClientPortInUse() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path config = zk.newConfig("busy", Map.of("clientPort", String.valueOf(squatter.getLocalPort())));
            ScriptRun start = zk.zkServer("start", config);
            assertEquals(1, start.exitCode());
            assertEquals(List.of("zkServer.sh: client port " + squatter.getLocalPort() + " on 127.0.0.1 is already in use "
                    + "by another program: stop it, or set another clientPort in " + config), start.stderrLines());
            assertFalse(start.stdout().contains("STARTED"));
            assertFalse(Files.exists(ZkHome.pidFile(config)));
        }
    }

    @Test
    void aMissingDataDir() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("dataDir", null);
        Path config = zk.newConfig("nodatadir", settings);
        assertOneLineError(zk.zkServer("start", config),
                "zkServer.sh: " + config + ": dataDir is not set: add a line dataDir=/path/to/data (never /tmp)");
    }

    @Test
    void aNonNumericClientPort() throws Exception {
        Path config = zk.newConfig("badport", Map.of("clientPort", "21a81"));
        assertOneLineError(zk.zkServer("start", config),
                "zkServer.sh: " + config + ": clientPort '21a81' is not a port number (1-65535)");
    }

    @Test
    void aConfigPathThatDoesNotExist() throws Exception {
        Path missing = temp.resolve("nowhere/zoo.cfg");
        assertOneLineError(zk.zkServer("start", missing), "zkServer.sh: config file '" + missing
                + "' does not exist: give the path of a zoo.cfg, or leave it out to use " + zk.home + "/conf/zoo.cfg");
    }

    @Test
    void anUnknownSubcommand() throws Exception {
        ScriptRun run = ZkHome.run(List.of(zk.home.resolve("bin/zkServer.sh").toString(), "strat"));
        assertEquals(2, run.exitCode());
        assertEquals(List.of("zkServer.sh: unknown command 'strat'. usage: zkServer.sh "
                + "{start|start-foreground|stop|restart|status|version} [config file]"), run.stderrLines());
        ScriptRun none = ZkHome.run(List.of(zk.home.resolve("bin/zkServer.sh").toString()));
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().startsWith("zkServer.sh: no command given. usage: "), none.stderr());
    }

    @Test
    void zkCliWhereNothingListensFailsAtOnce() throws Exception {
        try (UnusedPort nowhere = UnusedPort.reserve()) {
            long start = System.nanoTime();
            ScriptRun run = zk.zkCli("-server", nowhere.address(), "ls", "/");
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(1, run.exitCode());
            assertEquals(List.of("zkCli.sh: nothing answers at " + nowhere.address() + ": start a server "
                    + "(01-install/bin/zkServer.sh start) or name another with -server host:port"), run.stderrLines());
            assertTrue(seconds < 20, "zkCli must fail, not wait for its 30 s session timeout (took " + seconds + " s)");
        }
    }

    /**
     * Why zkCli.sh checks the address before it starts Java: it passes ZooKeeperMain -waitforconnection (so the
     * connection announcement never lands in the middle of a command's output), and with that option
     * ZooKeeperMain waits for its whole session timeout (-timeout, 30 s unless given) on a dead address before it
     * fails. Without the option it fails a command at once with ConnectionLoss.
     */
    @Test
    void zooKeeperMainOnADeadAddressFailsAtOnceOrWaitsForItsSessionTimeout() throws Exception {
        try (UnusedPort nowhere = UnusedPort.reserve()) {
            long start = System.nanoTime();
            ScriptRun atOnce = zk.java(ZOOKEEPER_MAIN, "-server", nowhere.address(), "ls", "/");
            long atOnceSeconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(1, atOnce.exitCode());
            assertTrue(atOnce.stderrLines().contains("KeeperErrorCode = ConnectionLoss for /"), atOnce.stderr());
            assertTrue(atOnceSeconds < 20, "without -waitforconnection no 30 s wait (took " + atOnceSeconds + " s)");

            start = System.nanoTime();
            ScriptRun waited = zk.java(ZOOKEEPER_MAIN, "-waitforconnection", "-timeout", "1000",
                    "-server", nowhere.address(), "ls", "/");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, waited.exitCode());
            assertTrue(waited.stderr().contains("java.io.IOException: org.apache.zookeeper.KeeperException"
                    + "$ConnectionLossException: KeeperErrorCode = ConnectionLoss"), waited.stderr());
            assertTrue(waitedMillis >= 1000, "-waitforconnection waits out -timeout 1000 (took " + waitedMillis + " ms)");
        }
    }

    /** The host typed after -server is data, never shell code: it reaches the port check as an argument. */
    @Test
    void aHostThatLooksLikeShellCodeIsOnlyAName() throws Exception {
        Path marker = temp.resolve("injected");
        try (UnusedPort nowhere = UnusedPort.reserve()) {
            // No '/' in the host (zkCli.sh would read what follows one as a chroot): the path comes from $MARKER.
            String server = "$(touch \"$MARKER\")127.0.0.1:" + nowhere.port();
            ScriptRun run = ZkHome.run(List.of(zk.home.resolve("bin/zkCli.sh").toString(), "-server", server, "ls", "/"),
                    Map.of("MARKER", marker.toString()));
            assertEquals(1, run.exitCode());
            assertEquals(List.of("zkCli.sh: nothing answers at " + server + ": start a server "
                    + "(01-install/bin/zkServer.sh start) or name another with -server host:port"), run.stderrLines());
        }
        assertFalse(Files.exists(marker), "the shell ran the host as a command");
    }

    @Test
    void scriptsOutsideAnInstalledHomeSayToInstallFirst() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty-home"));
        ProcessBuilder builder = new ProcessBuilder(ZkHome.CHAPTER.resolve("bin/zkServer.sh").toString(), "status")
                .redirectErrorStream(true);
        builder.environment().put("ZOOKEEPER_HOME", empty.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(1, process.waitFor());
        assertEquals("zkServer.sh: ZooKeeper is not installed in " + empty
                + ": run 01-install/bin/install.sh first (or set ZOOKEEPER_HOME)\n", output);
    }

    private static void assertOneLineError(ScriptRun run, String expected) {
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of(expected), run.stderrLines());
        assertFalse(run.stdout().contains("STARTED"));
    }
}
