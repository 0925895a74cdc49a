package com.zkcourse.cluster;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.Version;

import com.zkcourse.tools.CourseFailure;

/**
 * Chapter 01's ZooKeeper installation, whose jars run every server of this chapter: {@code 01-install/zookeeper},
 * made by {@code 01-install/bin/install.sh} the first time it is needed. A server is started with the same java
 * command as chapter 01's {@code zkServer.sh start}: {@code QuorumPeerMain} and a zoo.cfg.
 */
final class ChapterOneInstall {

    static final String SERVER_MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

    private final Path home;

    private ChapterOneInstall(Path home) {
        this.home = home;
    }

    /**
     * The install, after running install.sh when it is missing or holds another ZooKeeper version. Two JVMs (a
     * drill and a test, test classes running side by side) must not install at once: the first takes a file lock
     * and installs, the others wait for it, then find the install made.
     */
    static synchronized ChapterOneInstall ensure(PrintStream out) throws IOException, InterruptedException {
        ChapterOneInstall install = new ChapterOneInstall(workspace().resolve("01-install").resolve("zookeeper"));
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                "zk-course-install-" + Integer.toHexString(install.home.toAbsolutePath().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock onlyThisProcessInstalls = channel.lock();
            try {
                if (!Files.isRegularFile(install.home.resolve("lib").resolve("zookeeper-" + version() + ".jar"))) {
                    out.println("First use: installing ZooKeeper " + version() + " into 01-install/zookeeper with"
                            + " 01-install/bin/install.sh (chapter 01), once");
                    install.runInstallScript(out);
                }
            } finally {
                onlyThisProcessInstalls.release();
            }
        }
        return install;
    }

    private void runInstallScript(PrintStream out) throws IOException, InterruptedException {
        Path script = workspace().resolve("01-install").resolve("bin").resolve("install.sh");
        ProcessBuilder builder = new ProcessBuilder(script.toString()).redirectErrorStream(true);
        builder.environment().remove("ZOOKEEPER_HOME"); // install.sh's default home, 01-install/zookeeper
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (var output = process.inputReader(StandardCharsets.UTF_8)) {
            output.lines().forEach(line -> {
                lines.add(line);
                out.println("  " + line);
            });
        }
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new CourseFailure("01-install/bin/install.sh could not install ZooKeeper (its last line: "
                    + (lines.isEmpty() ? "none" : lines.get(lines.size() - 1)) + "): run it yourself to see why");
        }
    }

    /** What zkServer.sh runs: java, the jars of lib/ and conf/ (log4j.properties), QuorumPeerMain, the config. */
    List<String> serverCommand(Path config, List<String> jvmFlags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");                                  // zkServer.sh's default heap
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("conf"));
        command.add("-Dzookeeper.root.logger=INFO,CONSOLE");      // INFO, as in zkServer.sh: the log is a file
        command.add(SERVER_MAIN);
        command.add(config.toString());
        return command;
    }

    /** The ZooKeeper version on this class path, such as 3.9.5: the one the root pom names. */
    static String version() {
        String full = Version.getFullVersion();
        int dash = full.indexOf('-');
        return dash > 0 ? full.substring(0, dash) : full;
    }

    /** 06-cluster: this class lives in 06-cluster/target/classes. */
    static Path chapter() {
        try {
            Path classes = Path.of(ChapterOneInstall.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path workspace() {
        return chapter().getParent();
    }
}
