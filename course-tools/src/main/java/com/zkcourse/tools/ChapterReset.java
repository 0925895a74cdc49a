package com.zkcourse.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The main behind every chapter's {@code exec:java@reset}: puts the chapter back to its starting state.
 * <ul>
 *   <li>Its znodes, on the server the student uses (the connect rule, without starting an embedded server:
 *       one starts empty, so there is nothing to reset). It deletes each root of the chapter's
 *       {@code chapter-state.txt} with everything under it, then creates the fixtures again. Nothing outside
 *       the chapter's roots is touched: not {@code /zookeeper}, not another chapter.</li>
 *   <li>Its exercises, if it has any ({@code exercises.txt}): the student's files go to a backup folder inside
 *       the chapter, and the starting files are made again from the solutions ({@link ExerciseFiles}).</li>
 * </ul>
 * Safe to run twice; needs neither git nor the network.
 */
public final class ChapterReset {

    /** How long to wait for a session with the server. */
    private static final int CONNECT_SECONDS = 30;

    private ChapterReset() {
    }

    /**
     * The argument is the chapter's folder (the root pom passes it to every chapter's exec:java@reset), or a
     * chapter-state.txt of its own (a test's copy: then only the znodes are reset).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            CourseMain.fail(ChapterReset.class, "reset: usage: ChapterReset <chapter folder, or its chapter-state.txt>");
        }
        Path given = Path.of(args[0]).toAbsolutePath();
        Path chapter = Files.isDirectory(given) ? given : given.getParent();
        Path stateFile = Files.isDirectory(given) ? given.resolve("chapter-state.txt") : given;
        Optional<ChapterState> state;
        Optional<ExerciseList> exercises;
        Optional<CourseServer> server = Optional.empty();
        try {
            state = Files.isDirectory(given) && !Files.exists(stateFile) ? Optional.empty()
                    : Optional.of(ChapterState.read(stateFile));
            exercises = Files.isDirectory(given) ? ExerciseList.of(chapter) : Optional.empty();
            if (state.isPresent()) {
                server = CourseServer.findRunning(System.getProperty(CourseServer.CONNECT_PROPERTY),
                        CourseServer.localServer());
            }
        } catch (IllegalArgumentException | CourseFailure e) {
            CourseMain.fail(ChapterReset.class, "reset: " + e.getMessage());
            return;
        }
        String name = state.map(ChapterState::chapter).orElse(chapter.getFileName().toString());
        if (state.isEmpty() && exercises.isEmpty()) {
            System.out.println("Reset of " + name + ": nothing to reset (no znodes of its own, no exercises).");
            return;
        }
        if (state.isPresent() && server.isEmpty()) {
            System.out.println("Reset of " + name + ": no server state to reset. No -D"
                    + CourseServer.CONNECT_PROPERTY + ", and nothing answers on "
                    + Optional.ofNullable(CourseServer.localServer()).orElse("the local server address (none set)")
                    + "; the embedded server a main starts is always empty.");
        } else if (server.isPresent()) {
            try (CourseServer running = server.get()) {
                System.out.println(running.describe());
                for (String line : reset(running.connectString(), state.get(), state.get().fixtures())) {
                    System.out.println("  " + line);
                }
            }
        }
        if (exercises.isPresent()) {
            System.out.println("Exercises of " + name + ":");
            for (String line : ExerciseFiles.reset(exercises.get(), LocalDateTime.now())) {
                System.out.println("  " + line);
            }
        }
        if (server.isPresent() || exercises.isPresent()) {
            System.out.println("Reset of " + name + " done: its "
                    + (server.isPresent() && exercises.isPresent() ? "znodes and exercises are"
                    : server.isPresent() ? "znodes are" : "exercises are") + " back at the starting state.");
        }
    }

    /**
     * Deletes the chapter's roots with everything under them, then creates {@code startData} in order (the
     * chapter's fixtures, or a lesson's own starting data). Returns one line per thing done.
     */
    public static List<String> reset(String connectString, ChapterState state, List<ChapterState.Fixture> startData)
            throws IOException, InterruptedException, KeeperException {
        ZooKeeper zk = connect(connectString);
        try {
            return reset(zk, state, startData);
        } finally {
            zk.close();
        }
    }

    private static List<String> reset(ZooKeeper zk, ChapterState state, List<ChapterState.Fixture> startData)
            throws InterruptedException, KeeperException {
        List<String> done = new ArrayList<>();
        for (String root : state.roots()) {
            if (zk.exists(root, false) == null) {
                done.add(root + " was not there");
                continue;
            }
            int below = ZKUtil.listSubTreeBFS(zk, root).size() - 1;
            ZKUtil.deleteRecursive(zk, root); // what zkCli's deleteall does
            done.add("deleted " + root + (below == 0 ? "" : " and the " + below + " znode" + (below == 1 ? "" : "s")
                    + " under it"));
        }
        for (ChapterState.Fixture fixture : startData) {
            // No data means none at all (null), as zkCli's "create /path" stores. Curator's forPath(path)
            // without data would store this machine's IP address instead.
            byte[] data = fixture.data() == null ? null : fixture.data().getBytes(StandardCharsets.UTF_8);
            createParentsOf(zk, fixture.path());
            zk.create(fixture.path(), data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            done.add("created " + fixture.path() + (fixture.data() == null ? "" : " = " + fixture.data()));
        }
        return done;
    }

    /** Creates the missing parents of a fixture (without data), as Curator's creatingParentsIfNeeded() does. */
    private static void createParentsOf(ZooKeeper zk, String path) throws InterruptedException, KeeperException {
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (zk.exists(parent, false) == null) {
                zk.create(parent, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        }
    }

    private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, CONNECT_SECONDS * 1_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(CONNECT_SECONDS, TimeUnit.SECONDS)) {
            zk.close();
            throw new CourseFailure("no session with " + connectString + " within " + CONNECT_SECONDS
                    + " s: is the server still running?");
        }
        return zk;
    }
}
