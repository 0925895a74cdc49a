package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;

import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.ChapterReset;
import com.zkcourse.tools.ChapterState;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.Workspace;

/**
 * chapter-state.txt owns every path the lessons create, so that exec:java@reset (and each replay) can clean
 * up after the lessons and after whatever a student typed along; and the reset removes exactly those.
 */
class ChapterStateTest {

    /** Where a test hands the reset a copy of chapter-state.txt (Workspace.chapterStateIn). */
    @TempDir
    Path dir;

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void theChapterOwnsTheFourLessonPathsAndStartsWithTwo() throws Exception {
        ChapterPaths paths = ChapterPaths.read(Replays.CHAPTER_STATE);
        assertEquals("02-cli", paths.state().chapter());
        assertEquals(List.of("/app1", "/app2", "/app3", "/app4"), paths.roots());
        assertEquals(List.of("/app1 itheima", "/app2 null"),
                paths.fixtures().stream().map(f -> f.path() + " " + f.data()).toList());
    }

    @Test
    void everyPathALessonWritesLiesUnderARoot() throws Exception {
        ChapterPaths paths = ChapterPaths.read(Replays.CHAPTER_STATE);
        List<String> outside = new ArrayList<>();
        for (Lesson lesson : Lesson.readAll(Replays.LESSONS)) {
            lesson.startData().forEach(node -> check(paths, lesson, "start create " + node.path(), node.path(), outside));
            for (String command : lesson.commands()) {
                String[] words = command.strip().split("\\s+");
                if (words[0].equals("create")) {
                    check(paths, lesson, command, createdPath(words), outside);
                }
            }
        }
        assertEquals(List.of(), outside, "paths a lesson creates outside every root of chapter-state.txt");
    }

    @Test
    void everyZnodeTheLessonsCreateOnTheServerLiesUnderARoot() throws Exception {
        ChapterPaths paths = ChapterPaths.read(Replays.CHAPTER_STATE);
        Set<String> created = new ConcurrentSkipListSet<>();
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper observer = session.zk();
            // A persistent recursive watch on / hears of every znode created anywhere, ephemeral and
            // sequential ones included, even those deleted again before the lesson ends.
            observer.addWatch("/", event -> {
                if (event.getType() == Watcher.Event.EventType.NodeCreated) {
                    created.add(event.getPath());
                }
            }, AddWatchMode.PERSISTENT_RECURSIVE);

            for (Lesson lesson : Lesson.readAll(Replays.LESSONS)) {
                Replays.replay(lesson.file(), server.connectString());
            }
            // The server sends the observer its events before the answer to any later request of it.
            CountDownLatch delivered = new CountDownLatch(1);
            observer.sync("/", (resultCode, path, context) -> delivered.countDown(), null);
            assertTrue(delivered.await(30, TimeUnit.SECONDS), "no answer to sync within 30 s");
        }

        assertTrue(created.containsAll(List.of("/app1", "/app2", "/app3", "/app3/p1", "/app4/lock-0000000002")),
                "the watch did not see the lessons' znodes: " + created);
        assertEquals(List.of(), created.stream().filter(path -> !paths.state().owns(path)).toList(),
                "znodes the lessons created outside every root of chapter-state.txt");
    }

    @Test
    void resetRemovesExactlyTheChaptersZnodesAndPutsTheStartingDataBack() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            // The chapter's paths as a student may leave them...
            ZooKeeperClients.create(zk, "/app1/typed/along", "x");
            zk.setData("/app1", "changed".getBytes(StandardCharsets.UTF_8), -1);
            ZooKeeperClients.create(zk, "/app4/seq-0000000007", null);
            zk.create("/app3", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            // ...next to what is not the chapter's: other chapters, and a path that only looks like a root.
            ZooKeeperClients.create(zk, "/crud/app1", "itheima");
            ZooKeeperClients.create(zk, "/watch/app2", null);
            ZooKeeperClients.create(zk, "/app10", "not /app1");
            List<String> serverOwn = zk.getChildren("/zookeeper", false).stream().sorted().toList();

            ChildJvm.Result reset = ChildJvm.run(60, List.of("zk.connect=" + server.connectString()),
                    ChapterReset.class.getName(), Workspace.chapterStateIn(dir).toString());

            assertEquals(0, reset.exitCode(), reset.stdout() + reset.stderr());
            assertEquals("Reset of 02-cli done: its znodes are back at the starting state.",
                    reset.stdoutLines().get(reset.stdoutLines().size() - 1));
            assertEquals("itheima", new String(zk.getData("/app1", false, null), StandardCharsets.UTF_8));
            assertEquals(List.of(), zk.getChildren("/app1", false));
            assertEquals(0, zk.exists("/app2", false).getDataLength());
            assertEquals(List.of(), zk.getChildren("/app2", false));
            assertNull(zk.exists("/app3", false));
            assertNull(zk.exists("/app4", false));
            assertEquals("itheima", new String(zk.getData("/crud/app1", false, null), StandardCharsets.UTF_8));
            assertNotNull(zk.exists("/watch/app2", false));
            assertEquals("not /app1", new String(zk.getData("/app10", false, null), StandardCharsets.UTF_8));
            assertEquals(serverOwn, zk.getChildren("/zookeeper", false).stream().sorted().toList());
            assertEquals(List.of("/app1", "/app10", "/app2", "/crud", "/crud/app1", "/watch", "/watch/app2"),
                    ZooKeeperClients.allZnodes(zk));

            for (String path : List.of("/crud/app1", "/crud", "/watch/app2", "/watch", "/app10")) {
                zk.delete(path, -1);
            }
        }
    }

    /** The path of a zkCli create: the first word after the options (-s, -e, -c, and -t with its ttl). */
    static String createdPath(String[] words) {
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("-t")) {
                i++;
            } else if (!words[i].startsWith("-")) {
                return words[i];
            }
        }
        throw new IllegalArgumentException("a create without a path: " + String.join(" ", words));
    }

    private static void check(ChapterPaths paths, Lesson lesson, String command, String path, List<String> outside) {
        if (!paths.state().owns(path)) {
            outside.add(lesson.name() + ": " + command);
        }
    }
}
