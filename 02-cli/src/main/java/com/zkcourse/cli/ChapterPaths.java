package com.zkcourse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

import com.zkcourse.tools.ChapterState;

/**
 * The chapter's own znodes, as {@code chapter-state.txt} lists them (the same file {@code exec:java@reset}
 * reads): the roots the lessons create (/app1, /app2, ...) and the starting data for typing along.
 *
 * <p>Before every lesson, and before the type-along zkCli opens, {@link #prepare} deletes each root with
 * everything under it and creates the starting data. That is what lets the lessons run again and again on a
 * server that keeps its data (chapter 01's): each starts from the same state. Nothing outside the roots is
 * touched, neither /zookeeper nor another chapter's znodes.
 */
record ChapterPaths(ChapterState state) {

    private static final int WAIT_SECONDS = 30;

    /** Reads the chapter's {@code chapter-state.txt} with the reset's own reader (and its checks). */
    static ChapterPaths read(Path chapterState) throws IOException {
        return new ChapterPaths(ChapterState.read(chapterState));
    }

    List<String> roots() {
        return state.roots();
    }

    /** The starting data a reset puts back, which the type-along zkCli opens with when no lesson is named. */
    List<Lesson.Znode> fixtures() {
        return state.fixtures().stream().map(fixture -> new Lesson.Znode(fixture.path(), fixture.data())).toList();
    }

    /** The chapter directory: the first argument (the pom passes it), else the current one or 02-cli. */
    static Path chapterDirectory(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        for (Path candidate : List.of(Path.of("."), Path.of("02-cli"))) {
            if (Files.isDirectory(candidate.resolve("lessons"))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("cannot find the 02-cli chapter (its lessons/ directory): run from the "
                + "workspace or pass the chapter directory as the first argument");
    }

    /** True when a path is one of the roots or lies under one: a path reset cleans up. */
    boolean owns(String path) {
        return state.owns(path);
    }

    /**
     * Deletes every root with everything under it, then creates the given znodes in order, as persistent
     * nodes (null data when none is given, as zkCli's {@code create PATH} does). Returns a line that says so.
     */
    String prepare(String server, List<Lesson.Znode> startData)
            throws IOException, InterruptedException, KeeperException {
        ZooKeeper zk = connect(server);
        try {
            for (String root : roots()) {
                if (zk.exists(root, false) != null) {
                    ZKUtil.deleteRecursive(zk, root); // what zkCli's deleteall does
                }
            }
            for (Lesson.Znode node : startData) {
                byte[] data = node.data() == null ? null : node.data().getBytes(StandardCharsets.UTF_8);
                zk.create(node.path(), data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        } finally {
            zk.close();
        }
        String deleted = "deleted " + String.join(" ", roots()) + " (where present)";
        if (startData.isEmpty()) {
            return "Starting data: " + deleted + "; nothing else to create.";
        }
        return "Starting data: " + deleted + ", then created "
                + String.join(" ", startData.stream().map(Lesson.Znode::path).toList()) + ".";
    }

    private static ZooKeeper connect(String server) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server, WAIT_SECONDS * 1_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("no session with " + server + " within " + WAIT_SECONDS + " s");
        }
        return zk;
    }
}
