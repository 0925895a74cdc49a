package com.zkcourse.install;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.Directories;

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
    /** How often a start may meet its port taken by another program before the tour gives up. */
    private static final int START_ATTEMPTS = 3;

    private final PrintStream out;
    private final Path chapter;
    private final Path home;
    private final Shell shell;
    private final long tourStart = System.nanoTime();
    private int port;
    private boolean serverMayRun;

    private InstallTour(PrintStream out, Path chapter, Path scratch) {
        this.out = out;
        this.chapter = chapter;
        this.home = scratch.resolve("zookeeper");
        this.shell = new Shell(scratch, out);
    }

    public static void main(String[] args) {
        CourseMain.runWithOwnServers(() -> {
            Path chapter = chapterDirectory(args, Path.of("").toAbsolutePath());
            Path scratch = Files.createTempDirectory("zk-tour-");
            InstallTour tour = new InstallTour(System.out, chapter, scratch);
            try {
                tour.run();
            } finally {
                tour.stopServerIfRunning();
                Directories.deleteRecursively(scratch);
            }
        });
    }

    /** Runs every step; a step that fails stops the tour with a CourseFailure that names it. */
    private void run() throws IOException, InterruptedException {
        port = freeLoopbackPort();
        out.println("ZooKeeper server: 127.0.0.1:" + port + " (a real one this tour installs and starts in a "
                + "scratch directory; stopped and deleted at the end)");

        step(1, "Install ZooKeeper into a scratch directory: jars from Maven Central, conf/zoo.cfg, data/");
        out.println("$ cd " + home.getParent());
        Path installScript = chapter.resolve("bin").resolve("install.sh");
        expect(0, shell.run(installScript + " zookeeper", 300, installScript.toString(), home.toString()));

        step(2, "Move the client port off 2181 (that one is for your own server): edit conf/zoo.cfg");
        useClientPort();
        out.println("clientPort=" + port);

        step(3, "Start the server: zkServer.sh start returns once it answers");
        Shell.Run firstStart = start();

        step(4, "Ask for its status: standalone means a single server, no ensemble");
        expect(0, zkServer("status"));

        step(5, "Create a znode and read it back with zkCli");
        expect(0, zkCli("create", ZNODE, DATA));
        expect(0, zkCli("get", ZNODE));

        step(6, "Stop the server");
        expect(0, zkServer("stop"));
        serverMayRun = false;
        out.println("(status now says it is not running, with exit code 1)");
        expect(1, zkServer("status"));

        step(7, "Start it again");
        Shell.Run secondStart = start();

        step(8, "The znode survived the restart: the server wrote it to dataDir before acknowledging it");
        Shell.Run get = zkCli("get", ZNODE);
        expect(0, get);
        if (!get.output().contains(DATA)) {
            throw new CourseFailure("step 8: " + ZNODE + " did not come back with its data " + DATA);
        }

        step(9, "Stop the server; the scratch directory is deleted next");
        expect(0, zkServer("stop"));
        serverMayRun = false;

        out.println();
        out.println(String.format(Locale.ROOT, "Tour done in %.1f s. zkServer.sh start to STARTED: %.1f s and %.1f s.",
                (System.nanoTime() - tourStart) / 1e9, firstStart.millis() / 1e3, secondStart.millis() / 1e3));
    }

    private void step(int number, String title) {
        out.println();
        out.println("Step " + number + ". " + title);
    }

    /**
     * zkServer.sh start. The port was free when the tour chose it, but another program may have taken it since
     * (the script then refuses, or the server cannot bind it): then the tour moves to another port and says so.
     */
    private Shell.Run start() throws IOException, InterruptedException {
        serverMayRun = true;
        for (int attempt = 1; ; attempt++) {
            Shell.Run start = zkServer("start");
            if (start.exitCode() != 0 && start.output().stream().anyMatch(line -> line.contains("already in use"))
                    && attempt < START_ATTEMPTS) {
                int taken = port;
                port = freeLoopbackPort();
                useClientPort();
                out.println("(client port " + taken + " was taken by another program meanwhile: clientPort=" + port + ")");
                continue;
            }
            expect(0, start);
            return start;
        }
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

    /** Goes on when the command ended with the expected exit code; otherwise stops the tour, naming the command. */
    private static void expect(int exitCode, Shell.Run run) {
        if (run.exitCode() != exitCode) {
            throw new CourseFailure("the tour stopped: '" + run.shown() + "' exited with " + run.exitCode()
                    + " instead of " + exitCode + " (its output is above)");
        }
    }

    private void useClientPort() throws IOException {
        Path zooCfg = home.resolve("conf").resolve("zoo.cfg");
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

    /**
     * The chapter directory, 01-install, where bin/install.sh lives: the first argument (the pom passes it);
     * else the working directory, one of its parents or their 01-install (an IDE starts a main in the
     * workspace or the module, with its own output directory for the classes).
     */
    static Path chapterDirectory(String[] args, Path workingDirectory) {
        List<Path> candidates = new ArrayList<>();
        if (args.length > 0) {
            candidates.add(Path.of(args[0]).toAbsolutePath());
        } else {
            for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
                candidates.add(dir);
                candidates.add(dir.resolve("01-install"));
            }
        }
        return candidates.stream().filter(InstallTour::isChapter).findFirst()
                .orElseThrow(() -> new CourseFailure("cannot find the chapter's bin/install.sh in "
                        + (args.length > 0 ? args[0] : workingDirectory + " or above it")
                        + ": run the tour from the workspace (./mvnw -q -pl 01-install -am compile exec:java)"));
    }

    private static boolean isChapter(Path dir) {
        return Files.isRegularFile(dir.resolve("bin").resolve("install.sh"))
                && Files.isRegularFile(dir.resolve("bin").resolve("zkServer.sh"))
                && Files.isRegularFile(dir.resolve("conf").resolve("zoo.cfg"));
    }

    /** A port nothing listens on now; start() moves to another if something takes it before the server does. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
