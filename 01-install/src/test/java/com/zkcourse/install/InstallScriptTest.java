package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ScriptRun;

/** install.sh: the layout it makes, what a second run replaces and what it leaves alone. */
class InstallScriptTest {

    @TempDir
    Path temp;

    @Test
    void makesAHomeWithJarsScriptsConfigAndData() throws Exception {
        Path home = temp.resolve("zookeeper");
        ZkHome.install(home);
        List<String> jars = list(home.resolve("lib"));
        for (String needed : List.of("zookeeper-3.9.5.jar", "zookeeper-jute-3.9.5.jar", "metrics-core-",
                "snappy-java-", "commons-cli-", "jline-", "slf4j-reload4j-", "reload4j-")) {
            assertTrue(jars.stream().anyMatch(jar -> jar.startsWith(needed)), needed + " missing from " + jars);
        }
        assertFalse(jars.stream().anyMatch(jar -> jar.startsWith("logback")), "one SLF4J binding only: " + jars);
        // ZooKeeper's pom declares Jetty and Jackson "provided" too; only its admin server needs them.
        assertFalse(jars.stream().anyMatch(jar -> jar.startsWith("jetty") || jar.startsWith("jackson")), jars.toString());
        assertTrue(Files.isExecutable(home.resolve("bin/zkServer.sh")));
        assertTrue(Files.isExecutable(home.resolve("bin/zkCli.sh")));
        assertTrue(Files.isDirectory(home.resolve("data")));
        List<String> config = Files.readAllLines(home.resolve("conf/zoo.cfg"));
        assertTrue(config.contains("dataDir=" + home.resolve("data")), "dataDir is filled in");
        assertTrue(config.contains("clientPortAddress=127.0.0.1"));
        assertTrue(config.contains("admin.enableServer=false"));
        assertTrue(config.contains("4lw.commands.whitelist=srvr,ruok,mntr"));
    }

    @Test
    void runningAgainReplacesTheJarsAndKeepsConfigAndData() throws Exception {
        Path home = temp.resolve("zookeeper");
        ZkHome.install(home);
        Path config = home.resolve("conf/zoo.cfg");
        Files.writeString(config, Files.readString(config) + "# my own edit\n");
        String editedConfig = Files.readString(config);
        Path oldJar = Files.writeString(home.resolve("lib/zookeeper-3.9.4.jar"), "an older release");
        Path data = Files.writeString(home.resolve("data/my-snapshot"), "precious");

        ZkHome.install(home);

        assertEquals(editedConfig, Files.readString(config), "an edited zoo.cfg is left alone");
        assertEquals("precious", Files.readString(data), "data is left alone");
        assertFalse(Files.exists(oldJar), "no jar of an older version stays behind");
        assertTrue(Files.exists(home.resolve("lib/zookeeper-3.9.5.jar")));
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse() throws Exception {
        Path mine = Files.createDirectories(temp.resolve("my-project"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        ScriptRun run = ZkHome.run(List.of(ZkHome.CHAPTER.resolve("bin/install.sh").toString(), mine.toString()));
        assertEquals(1, run.exitCode());
        assertEquals(List.of("install.sh: " + mine + " is not empty and is not a ZooKeeper home made by install.sh: "
                + "choose a new or empty directory"), run.stderrLines());
        assertEquals(List.of("notes.txt"), list(mine));
    }

    private static List<String> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
