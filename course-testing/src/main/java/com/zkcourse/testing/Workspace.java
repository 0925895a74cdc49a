package com.zkcourse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.zkcourse.tools.ExerciseFiles;
import com.zkcourse.tools.ExerciseList;

/** The course workspace, seen from a test (Maven runs a module's tests in the module's directory). */
public final class Workspace {

    private Workspace() {
    }

    /** The workspace root: the nearest directory, from here up, that holds the Maven Wrapper. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no workspace (a directory with mvnw and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /** The chapter modules, in order: 01-install, 02-cli, ... */
    public static List<Path> chapters() {
        try (Stream<Path> children = Files.list(root())) {
            return children.filter(dir -> dir.getFileName().toString().matches("\\d\\d-[a-z-]+"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chapter's {@code chapter-state.txt} (of the module the test runs in), copied alone into {@code dir}:
     * what a test hands to the reset main. On the chapter's own folder the reset would also reset the
     * student's exercise files (after a backup): a test never touches those.
     */
    public static Path chapterStateIn(Path dir) {
        try {
            return Files.copy(Path.of("chapter-state.txt"), dir.resolve("chapter-state.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chapter as a fresh clone has it, for the reset: its chapter-state.txt and, if it has exercises, its
     * exercises.txt, solutions and freshly made starting files, copied into {@code dir}. The reset then prints
     * what it prints for a student who has not started the exercises, and never touches the real ones.
     */
    public static Path chapterCopyIn(Path dir) {
        try {
            chapterStateIn(dir);
            Path here = Path.of("");
            if (Files.isRegularFile(here.resolve(ExerciseList.FILE_NAME))) {
                Files.copy(here.resolve(ExerciseList.FILE_NAME), dir.resolve(ExerciseList.FILE_NAME));
                copyTree(here.resolve("src").resolve("solution"), dir.resolve("src").resolve("solution"));
                ExerciseList list = ExerciseList.of(dir).orElseThrow();
                ExerciseFiles.writeStarters(list, list.studentFiles());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path path : all.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
