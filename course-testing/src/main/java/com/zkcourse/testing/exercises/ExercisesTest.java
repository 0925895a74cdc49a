package com.zkcourse.testing.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.zkcourse.tools.Directories;
import com.zkcourse.tools.ExerciseFiles;
import com.zkcourse.tools.ExerciseList;

/**
 * The exercises of the chapter this runs in, held to their promises. Every chapter's build runs it (the root
 * pom has surefire scan course-testing for it), so a chapter only declares its exercises, in exercises.txt:
 * <ol>
 *   <li>every check passes on the reference solution (so a check is passable, and a wrong one is caught);</li>
 *   <li>every check fails on the untouched starting file (so no check passes on a TODO);</li>
 *   <li>the committed starting files are what the generator makes from the solutions (no drift).</li>
 * </ol>
 * A chapter without exercises gets no tests from it.
 */
class ExercisesTest {

    @TestFactory
    List<DynamicTest> theChaptersExercisesKeepTheirPromises() throws IOException {
        Optional<ExerciseList> found = ExerciseList.of(Path.of("").toAbsolutePath());
        if (found.isEmpty()) {
            return List.of();
        }
        ExerciseList list = found.get();
        // The two runs are independent JVMs that mostly wait on servers: run them side by side.
        CompletableFuture<List<ExerciseRunner.Outcome>> onSolutions = runLater(list, () -> list.solutions());
        CompletableFuture<List<ExerciseRunner.Outcome>> onStarters = runLater(list, () -> {
            Path starters = Files.createTempDirectory("zk-course-starters");
            ExerciseFiles.writeStarters(list, starters);
            return starters;
        });
        return List.of(
                dynamicTest("every check passes on the solutions", () -> {
                    List<String> notDone = onSolutions.get().stream()
                            .filter(o -> o.status() != ExerciseRunner.Status.DONE)
                            .map(o -> o.exercise().heading() + ": " + o.status() + ": " + o.saw())
                            .toList();
                    assertEquals(List.of(), notDone, "a check that fails on its own solution");
                }),
                dynamicTest("every check fails on the starting files", () -> {
                    List<String> wrong = onStarters.get().stream()
                            .filter(o -> o.status() != ExerciseRunner.Status.TO_DO)
                            .map(o -> o.exercise().heading() + ": " + o.status()
                                    + (o.saw().isEmpty() ? " (the check passed on a TODO)" : ": " + o.saw()))
                            .toList();
                    assertEquals(List.of(), wrong, "a check that does not fail on the untouched starting file");
                }),
                dynamicTest("the starting files are what the generator makes from the solutions", () -> {
                    List<String> drifted = new ArrayList<>();
                    for (Map.Entry<String, String> starter : ExerciseFiles.starters(list).entrySet()) {
                        Path file = list.studentFiles().resolve(starter.getKey());
                        String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
                        if (!starter.getValue().equals(committed) && !isStudentWork(file, starter.getValue(), committed)) {
                            drifted.add("src/exercises/" + starter.getKey());
                        }
                    }
                    assertEquals(List.of(), drifted, "starting files that differ from what the generator makes: run "
                            + "./mvnw -q -pl " + list.chapter().getFileName() + " -am compile exec:java@reset to make "
                            + "them again (it backs up the current ones), and commit them");
                }));
    }

    /** Where the files a run checks come from: the solutions, or starting files made for the run. */
    private interface Root {
        Path get() throws Exception;
    }

    /** Runs the checks against the files under a root, in a thread of its own; the root is deleted afterwards
     * unless it is the chapter's own solutions. */
    private static CompletableFuture<List<ExerciseRunner.Outcome>> runLater(ExerciseList list, Root root) {
        CompletableFuture<List<ExerciseRunner.Outcome>> outcomes = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            Path files = null;
            Path work = null;
            try {
                files = root.get();
                work = Files.createTempDirectory("zk-course-exercises");
                outcomes.complete(ExerciseRunner.run(list, files, work));
            } catch (Throwable e) {
                outcomes.completeExceptionally(e);
            } finally {
                try {
                    if (work != null) {
                        Directories.deleteRecursively(work);
                    }
                    if (files != null && !files.equals(list.solutions())) {
                        Directories.deleteRecursively(files);
                    }
                } catch (UncheckedIOException e) {
                    outcomes.completeExceptionally(e);
                }
            }
        }, "exercise-checks");
        runner.setDaemon(true);
        runner.start();
        return outcomes;
    }

    /**
     * A starting file the student has edited is the student's, not drift. Git tells: a file changed since the
     * last commit is the student's work; one as committed must be exactly the generator's. Without git (a
     * downloaded copy), a file that still has every TODO of its starting version must be exactly that version.
     */
    private static boolean isStudentWork(Path file, String starter, String current) throws Exception {
        if (current == null) {
            return false;
        }
        Optional<Boolean> changedSinceCommit = changedSinceCommit(file);
        if (changedSinceCommit.isPresent()) {
            return changedSinceCommit.get();
        }
        return !starter.lines().filter(line -> line.strip().startsWith("throw new UnsupportedOperationException(\"TODO")
                || line.strip().startsWith("# TODO")).allMatch(todo -> current.lines().anyMatch(todo::equals));
    }

    private static Optional<Boolean> changedSinceCommit(Path file) {
        try {
            Process git = new ProcessBuilder("git", "status", "--porcelain", "--", file.getFileName().toString())
                    .directory(file.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty(); // not a git checkout, or no git
            }
            return Optional.of(!out.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
