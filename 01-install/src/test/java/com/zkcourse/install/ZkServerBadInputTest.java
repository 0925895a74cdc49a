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

/** Each mistake gets one line that names it and what to do, and a non-zero exit; nothing starts. */
class ZkServerBadInputTest {

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
            ZkHome.Run start = zk.zkServer("start", config);
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
        ZkHome.Run run = ZkHome.run(List.of(zk.home.resolve("bin/zkServer.sh").toString(), "strat"));
        assertEquals(2, run.exitCode());
        assertEquals(List.of("zkServer.sh: unknown command 'strat'. usage: zkServer.sh "
                + "{start|start-foreground|stop|restart|status|version} [config file]"), run.stderrLines());
        ZkHome.Run none = ZkHome.run(List.of(zk.home.resolve("bin/zkServer.sh").toString()));
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().startsWith("zkServer.sh: no command given. usage: "), none.stderr());
    }

    @Test
    void zkCliWhereNothingListensFailsAtOnce() throws Exception {
        int nothing = ZkHome.freePort();
        long start = System.nanoTime();
        ZkHome.Run run = zk.zkCli("-server", "127.0.0.1:" + nothing, "ls", "/");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(1, run.exitCode());
        assertEquals(List.of("zkCli.sh: nothing answers at 127.0.0.1:" + nothing + ": start a server "
                + "(01-install/bin/zkServer.sh start) or name another with -server host:port"), run.stderrLines());
        assertTrue(seconds < 30, "zkCli must fail, not hang (took " + seconds + " s)");
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

    private static void assertOneLineError(ZkHome.Run run, String expected) {
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of(expected), run.stderrLines());
        assertFalse(run.stdout().contains("STARTED"));
    }
}
