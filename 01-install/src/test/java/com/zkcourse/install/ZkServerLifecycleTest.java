package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.client.FourLetterWordMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.ScriptRun;

/** zkServer.sh and zkCli.sh running real servers from a home made by install.sh. */
class ZkServerLifecycleTest {

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
    void startStatusCliStopStatus() throws Exception {
        Path config = zk.newConfig("lifecycle", Map.of());
        ScriptRun start = zk.start(config);
        assertEquals(0, start.exitCode(), start.toString());
        String server = "127.0.0.1:" + ZkHome.clientPort(config);
        assertEquals(List.of("Using config: " + config, "Starting zookeeper ... STARTED"), start.stdoutLines());
        assertEquals("", start.stderr());

        ScriptRun status = zk.zkServer("status", config);
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals(List.of("Using config: " + config,
                "Client port found: " + ZkHome.clientPort(config) + ". Client address: 127.0.0.1.",
                "Mode: standalone"), status.stdoutLines());

        ScriptRun create = zk.zkCli("-server", server, "create", "/lifecycle", "hello-zookeeper");
        assertEquals(0, create.exitCode(), create.toString());
        assertTrue(create.stderrLines().contains("Created /lifecycle"), create.toString());
        ScriptRun get = zk.zkCli("-server", server, "get", "/lifecycle");
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals("hello-zookeeper", get.stdoutLines().get(get.stdoutLines().size() - 1));

        long pid = ZkHome.pid(config);
        ScriptRun stop = zk.zkServer("stop", config);
        assertEquals(0, stop.exitCode(), stop.toString());
        assertEquals(List.of("Using config: " + config, "Stopping zookeeper ... STOPPED"), stop.stdoutLines());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server process is gone");
        assertFalse(Files.exists(ZkHome.pidFile(config)), "the pid file is gone");

        ScriptRun stopped = zk.zkServer("status", config);
        assertEquals(1, stopped.exitCode(), stopped.toString());
        assertEquals(List.of("Error contacting service. It is probably not running."), stopped.stderrLines());
    }

    @Test
    void startingTwiceStartsNothingAndStoppingTwiceSaysSo() throws Exception {
        Path config = zk.newConfig("twice", Map.of());
        assertEquals(0, zk.start(config).exitCode());
        long pid = ZkHome.pid(config);

        ScriptRun again = zk.zkServer("start", config);
        assertEquals(1, again.exitCode());
        assertEquals(List.of("zkServer.sh: already running as process " + pid + "."), again.stderrLines());
        assertEquals(pid, ZkHome.pid(config), "the pid file still names the first server");

        assertEquals(0, zk.zkServer("stop", config).exitCode());
        ScriptRun stopAgain = zk.zkServer("stop", config);
        assertEquals(0, stopAgain.exitCode());
        assertEquals("Stopping zookeeper ... no zookeeper to stop (could not find file " + ZkHome.pidFile(config) + ")",
                stopAgain.stdoutLines().get(1));
    }

    @Test
    void restartGivesANewServerProcessWithTheSameData() throws Exception {
        Path config = zk.newConfig("restart", Map.of());
        assertEquals(0, zk.start(config).exitCode());
        String server = "127.0.0.1:" + ZkHome.clientPort(config);
        long before = ZkHome.pid(config);
        assertEquals(0, zk.zkCli("-server", server, "create", "/restart", "kept").exitCode());

        ScriptRun restart = zk.zkServer("restart", config);
        assertEquals(0, restart.exitCode(), restart.toString());
        assertEquals(List.of("Using config: " + config, "Stopping zookeeper ... STOPPED", "Starting zookeeper ... STARTED"),
                restart.stdoutLines());
        assertNotEquals(before, ZkHome.pid(config));
        assertEquals("kept", last(zk.zkCli("-server", server, "get", "/restart").stdoutLines()));
        assertEquals(0, zk.zkServer("stop", config).exitCode());
    }

    @Test
    void aServerThatIgnoresSigtermIsKilledAfterTheStopTimeout() throws Exception {
        Path config = zk.newConfig("frozen", Map.of());
        assertEquals(0, zk.start(config).exitCode());
        long pid = ZkHome.pid(config);
        // SIGSTOP freezes the JVM: it cannot act on SIGTERM, as a server stuck in a long GC pause or on a dead disk.
        assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor());

        ScriptRun stop = zk.zkServer("stop", config, Map.of("ZK_STOP_TIMEOUT", "1"));

        assertEquals(0, stop.exitCode(), stop.toString());
        assertEquals("Stopping zookeeper ... STOPPED (it did not stop within 1 s of SIGTERM, so it was killed)",
                stop.stdoutLines().get(1));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(ZkHome.pidFile(config)));
    }

    @Test
    void theServerListensOnLoopbackOnlyAndThisInstallHasNoAdminServerToStart() throws Exception {
        Map<String, String> withoutAdminLine = new HashMap<>();
        withoutAdminLine.put("admin.enableServer", null);
        Path config = zk.newConfig("loopback", withoutAdminLine);
        assertEquals(0, zk.start(config).exitCode());
        try {
            assertEquals(List.of("127.0.0.1"), ListeningSockets.listeningAddresses(ZkHome.clientPort(config)));
            // The admin server is Jetty, which ZooKeeper's pom declares "provided": install.sh does not bring it.
            assertTrue(Files.readString(zk.home.resolve("logs/zookeeper-loopback.out"))
                    .contains("WARN  [main] AdminServerFactory - Unable to load jetty, not starting JettyAdminServer"));
        } finally {
            assertEquals(0, zk.zkServer("stop", config).exitCode());
        }
    }

    @Test
    void startForegroundRunsUntilStoppedFromAnotherTerminal() throws Exception {
        Path config = zk.newConfig("foreground", Map.of());
        Process foreground = startForeground(config, temp.resolve("foreground.out"));
        try {
            assertEquals("Mode: standalone", last(zk.zkServer("status", config).stdoutLines()));
            assertEquals(foreground.pid(), ZkHome.pid(config), "exec keeps the script's pid: the pid file names the server");
            ScriptRun stop = zk.zkServer("stop", config);
            assertEquals("Stopping zookeeper ... STOPPED", stop.stdoutLines().get(1));
            assertTrue(foreground.waitFor(30, TimeUnit.SECONDS), "the foreground server ended");
        } finally {
            foreground.destroyForcibly().waitFor();
        }
        assertTrue(Files.readString(temp.resolve("foreground.out")).contains("binding to port"),
                "start-foreground logs to the terminal");
    }

    @Test
    void aServerThatDiesDuringStartUpIsReportedWithItsLogNeverAsStarted() throws Exception {
        Path config = zk.newConfig("dies", Map.of("tickTime", "two-seconds"));
        ScriptRun start = zk.start(config);
        assertEquals(1, start.exitCode());
        assertEquals(List.of("Using config: " + config, "Starting zookeeper ... FAILED"), start.stdoutLines());
        assertTrue(start.stderrLines().get(0).startsWith("zkServer.sh: the server exited during start-up (exit code 2). "
                + "From its log "), start.stderr());
        assertTrue(start.stderr().contains("NumberFormatException: For input string: \"two-seconds\""), start.stderr());
        assertFalse(Files.exists(ZkHome.pidFile(config)));
    }

    @Test
    void aMisspelledSettingIsWarnedAbout() throws Exception {
        Path config = zk.newConfig("typo", Map.of("datadir", "/somewhere"));
        ScriptRun start = zk.start(config);
        try {
            assertEquals(0, start.exitCode(), start.toString());
            int line = Files.readAllLines(config).indexOf("datadir=/somewhere") + 1;
            assertEquals(List.of("zkServer.sh: warning: " + config + " line " + line
                    + ": unknown setting 'datadir' is ignored by ZooKeeper (did you mean dataDir?)"), start.stderrLines());
        } finally {
            zk.zkServer("stop", config);
        }
    }

    @Test
    void versionNamesTheZooKeeperRelease() throws Exception {
        ScriptRun version = ZkHome.run(List.of(zk.home.resolve("bin/zkServer.sh").toString(), "version"));
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("Apache ZooKeeper, version 3.9.5 "), version.stdout());
    }

    /**
     * zkServer.sh start-foreground, returned once the server answers. Like {@link ZkHome#start}, it moves to
     * another port when another program took the config's port first.
     */
    private static Process startForeground(Path config, Path output) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Process server = new ProcessBuilder(zk.home.resolve("bin/zkServer.sh").toString(), "start-foreground",
                    config.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (answersSoon(ZkHome.clientPort(config), server)) {
                return server;
            }
            server.destroyForcibly().waitFor();
            String log = Files.readString(output);
            if (attempt == 3 || !log.contains("already in use")) {
                throw new AssertionError("start-foreground did not answer within 30 s:\n" + log);
            }
            zk.moveToAnotherPort(config);
        }
    }

    /** True once the server answers srvr; false when it exits first or does not answer within 30 s. */
    private static boolean answersSoon(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (FourLetterWordMain.send4LetterWord("127.0.0.1", port, "srvr", false, 1000).contains("Mode: ")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling interval while waiting for a condition, bounded above
        }
        return false;
    }


    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
