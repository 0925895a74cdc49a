package com.zkcourse.install;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chapter 01 as a guided tour: install ZooKeeper into a scratch directory, start it, ask its status, write
 * and read a znode with zkCli, stop it, start it again and see the znode survived, stop it. Every step runs
 * the chapter's real scripts (01-install/bin) and shows what they print.
 *
 * <p>The tour's server uses a free port, not 2181, so it never meets a server of your own; the scratch
 * directory is deleted at the end. {@code ./mvnw -q -pl 01-install -am compile exec:java}
 */
public final class InstallTour {

    private static final String ZNODE = "/install-tour";
    private static final String DATA = "written-before-the-restart";

    private final PrintStream out;
    private final Path home;
    private final Shell shell;
    private final int port;
    private final long tourStart = System.nanoTime();
    private boolean serverMayRun;

    private InstallTour(PrintStream out, Path scratch, int port) {
        this.out = out;
        this.home = scratch.resolve("zookeeper");
        this.shell = new Shell(scratch, out);
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("zk-tour-");
        InstallTour tour = new InstallTour(System.out, scratch, freeLoopbackPort());
        boolean completed = false;
        try {
            completed = tour.run();
        } finally {
            tour.stopServerIfRunning();
            deleteRecursively(scratch);
        }
        if (!completed) {
            System.exit(1);
        }
    }

    /** Runs every step; false (after saying why) when one fails. */
    private boolean run() throws IOException, InterruptedException, URISyntaxException {
        out.println("ZooKeeper server: 127.0.0.1:" + port + " (a real one this tour installs and starts in a "
                + "scratch directory; stopped and deleted at the end)");

        step(1, "Install ZooKeeper into a scratch directory: jars from Maven Central, conf/zoo.cfg, data/");
        out.println("$ cd " + home.getParent());
        Path installScript = chapterDirectory().resolve("bin").resolve("install.sh");
        if (!expect(0, shell.run(installScript + " zookeeper", 300, installScript.toString(), home.toString()))) {
            return false;
        }

        step(2, "Move the client port off 2181 (that one is for your own server): edit conf/zoo.cfg");
        useClientPort(home.resolve("conf").resolve("zoo.cfg"));
        out.println("clientPort=" + port);

        step(3, "Start the server: zkServer.sh start returns once it answers");
        serverMayRun = true;
        Shell.Run firstStart = zkServer("start");
        if (!expect(0, firstStart)) {
            return false;
        }

        step(4, "Ask for its status: standalone means a single server, no ensemble");
        if (!expect(0, zkServer("status"))) {
            return false;
        }

        step(5, "Create a znode and read it back with zkCli");
        if (!expect(0, zkCli("create", ZNODE, DATA)) || !expect(0, zkCli("get", ZNODE))) {
            return false;
        }

        step(6, "Stop the server");
        if (!expect(0, zkServer("stop"))) {
            return false;
        }
        serverMayRun = false;
        out.println("(status now says it is not running, with exit code 1)");
        if (!expect(1, zkServer("status"))) {
            return false;
        }

        step(7, "Start it again");
        serverMayRun = true;
        Shell.Run secondStart = zkServer("start");
        if (!expect(0, secondStart)) {
            return false;
        }

        step(8, "The znode survived the restart: the server wrote it to dataDir before acknowledging it");
        Shell.Run get = zkCli("get", ZNODE);
        if (!expect(0, get)) {
            return false;
        }
        if (!get.output().contains(DATA)) {
            out.println("The tour stopped: " + ZNODE + " did not come back with its data " + DATA);
            return false;
        }

        step(9, "Stop the server; the scratch directory is deleted next");
        if (!expect(0, zkServer("stop"))) {
            return false;
        }
        serverMayRun = false;

        out.println();
        out.println(String.format(Locale.ROOT, "Tour done in %.1f s. zkServer.sh start to STARTED: %.1f s and %.1f s.",
                (System.nanoTime() - tourStart) / 1e9, firstStart.millis() / 1e3, secondStart.millis() / 1e3));
        return true;
    }

    private void step(int number, String title) {
        out.println();
        out.println("Step " + number + ". " + title);
    }

    private Shell.Run zkServer(String command) throws IOException, InterruptedException {
        return shell.run("zookeeper/bin/zkServer.sh " + command, 120,
                home.resolve("bin").resolve("zkServer.sh").toString(), command);
    }

    private Shell.Run zkCli(String... command) throws IOException, InterruptedException {
        String server = "127.0.0.1:" + port;
        String[] full = Stream.concat(Stream.of(home.resolve("bin").resolve("zkCli.sh").toString(), "-server", server),
                Stream.of(command)).toArray(String[]::new);
        return shell.run("zookeeper/bin/zkCli.sh -server " + server + " " + String.join(" ", command), 120, full);
    }

    /** True when the command ended with the expected exit code; otherwise says so. */
    private boolean expect(int exitCode, Shell.Run run) {
        if (run.exitCode() == exitCode) {
            return true;
        }
        out.println("The tour stopped: that command exited with " + run.exitCode() + " instead of " + exitCode + ".");
        return false;
    }

    private void useClientPort(Path zooCfg) throws IOException {
        List<String> lines = Files.readAllLines(zooCfg, StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith("clientPort=") ? "clientPort=" + port : line)
                .toList();
        Files.write(zooCfg, lines, StandardCharsets.UTF_8);
    }

    /** Whatever happened, no server of the tour outlives it. */
    private void stopServerIfRunning() throws IOException, InterruptedException {
        if (serverMayRun && Files.isExecutable(home.resolve("bin").resolve("zkServer.sh"))) {
            new Shell(home, new PrintStream(PrintStream.nullOutputStream()))
                    .run("zkServer.sh stop", 60, home.resolve("bin").resolve("zkServer.sh").toString(), "stop");
        }
    }

    /** 01-install: this class lives in 01-install/target/classes. */
    private static Path chapterDirectory() throws URISyntaxException {
        Path classes = Path.of(InstallTour.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
