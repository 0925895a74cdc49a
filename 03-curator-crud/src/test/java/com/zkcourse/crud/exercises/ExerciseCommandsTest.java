package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.Workspace;
import com.zkcourse.testing.exercises.CheckExercises;
import com.zkcourse.tools.ChapterReset;
import com.zkcourse.tools.ExerciseFiles;
import com.zkcourse.tools.ExerciseList;

/**
 * The exercise commands a student uses, on copies of chapters 03 and 04 (never the real folders):
 * exec:java@check shows done, to do, the hint and what the check saw; exec:java@reset backs the student's work
 * up byte for byte, after which exec:java@progress shows every check failing as on a fresh clone; neither the
 * solutions nor chapter 04's files and znodes are touched.
 */
class ExerciseCommandsTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @TempDir
    Path copies;

    @Test
    void checkThenResetThenProgress() throws Exception {
        Path crud = copyOf("03-curator-crud");
        Path watch = copyOf("04-watch");
        ExerciseList exercises = ExerciseList.of(crud).orElseThrow();
        ExerciseFiles.writeStarters(exercises, exercises.studentFiles()); // as cloned, whatever the student did here
        Map<String, String> onAFreshClone = files(exercises.studentFiles());
        Map<String, String> solutions = files(exercises.solutions());
        Map<String, String> chapter04 = files(watch);

        // The student's work: exercise 1 solved, exercise 2 begun.
        Path solved = exercises.studentFiles().resolve(exercises.exercises().get(0).files().get(0));
        Files.copy(exercises.solutions().resolve(exercises.exercises().get(0).files().get(0)), solved,
                StandardCopyOption.REPLACE_EXISTING);
        Path begun = exercises.studentFiles().resolve(exercises.exercises().get(1).files().get(0));
        Files.writeString(begun, Files.readString(begun) + "// my notes: storingStatIn ☺\n");
        byte[] solvedBytes = Files.readAllBytes(solved);
        byte[] begunBytes = Files.readAllBytes(begun);

        // What the student sees: exec:java@check, in detail (exit status 1: not all done).
        ChildJvm.Result check = ChildJvm.run(120, List.of(), CheckExercises.class.getName(), crud.toString());
        assertEquals(1, check.exitCode(), check.stderr());
        assertEquals(List.of(
                "03-curator-crud: your exercises, checked against your files in src/exercises/",
                "",
                "[done]  1. Create a node with its parents and a mode   (src/exercises/java/com/zkcourse/crud/exercises/CreateWithParents.java)",
                "",
                "[to do] 2. Read a node's data and Stat with one call   (src/exercises/java/com/zkcourse/crud/exercises/NodeSummary.java)",
                "        hint: client.getData().storingStatIn(stat).forPath(path) fills stat; a NoNodeException means \"no such node\"",
                "        saw:  the TODO (NodeSummary.java:27) is still there (it throws UnsupportedOperationException)"),
                check.stdoutLines().subList(0, 7));
        assertEquals(List.of("1 of 4 done. Check again: ./mvnw -q -pl 03-curator-crud -am compile exec:java@check",
                "Start the chapter's exercises over: ./mvnw -q -pl 03-curator-crud -am compile exec:java@reset   (backs up "
                        + "your files first)"), check.stdoutLines().subList(check.stdoutLines().size() - 2, check.stdoutLines().size()));

        try (CuratorFramework client = CheckClients.connected(zk.connectString())) {
            client.create().creatingParentsIfNeeded().forPath("/crud/mine", "student".getBytes(UTF_8));
            client.create().creatingParentsIfNeeded().forPath("/watch/app1", "chapter 04's".getBytes(UTF_8));

            ChildJvm.Result reset = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                    ChapterReset.class.getName(), crud.toString());

            assertEquals(0, reset.exitCode(), reset.stderr());
            List<Path> backups = list(crud.resolve(".reset-backups"));
            assertEquals(1, backups.size(), "one backup folder: " + backups);
            assertEquals("  backed up your 2 changed exercise files to .reset-backups/" + backups.get(0).getFileName()
                    + "/ (inside 03-curator-crud)", reset.stdoutLines().get(4));
            assertArrayEquals(solvedBytes, Files.readAllBytes(backups.get(0).resolve(crud.resolve("src/exercises").relativize(solved))));
            assertArrayEquals(begunBytes, Files.readAllBytes(backups.get(0).resolve(crud.resolve("src/exercises").relativize(begun))));
            assertEquals(onAFreshClone, files(exercises.studentFiles()), "after the reset: the files of a fresh clone");
            ChildJvm.Result progress = ChildJvm.run(120, List.of(), CheckExercises.class.getName(), crud.toString(),
                    "--progress");
            assertEquals(0, progress.exitCode(), progress.stderr());
            assertEquals(List.of("03-curator-crud: 0 of 4 exercises done",
                    "  [to do] 1. Create a node with its parents and a mode",
                    "  [to do] 2. Read a node's data and Stat with one call",
                    "  [to do] 3. An update that never loses another client's update",
                    "  [to do] 4. All or nothing, with a transaction",
                    "  check: ./mvnw -q -pl 03-curator-crud -am compile exec:java@check",
                    "  reset: ./mvnw -q -pl 03-curator-crud -am compile exec:java@reset   (backs up your files first)"),
                    progress.stdoutLines(), "after the reset every check fails again, as on a fresh clone");
            assertEquals(solutions, files(exercises.solutions()), "the solutions are untouched");
            assertEquals(chapter04, files(watch), "chapter 04's files are untouched");
            assertEquals(List.of(), client.getChildren().forPath("/crud"), "chapter 03's znodes are reset");
            assertEquals("chapter 04's", new String(client.getData().forPath("/watch/app1"), UTF_8),
                    "chapter 04's znodes are untouched");
        }
    }

    /** A copy of a chapter's folder, without its build output. */
    private Path copyOf(String chapter) throws IOException {
        Path from = Workspace.root().resolve(chapter);
        Path to = copies.resolve(chapter);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path path : all.filter(p -> !from.relativize(p).startsWith("target")
                    && !from.relativize(p).startsWith(".reset-backups")).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    /** Every file under a folder, with its content. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
