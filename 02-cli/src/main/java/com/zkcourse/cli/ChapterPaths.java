package com.zkcourse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.zookeeper.KeeperException;

import com.zkcourse.tools.ChapterReset;
import com.zkcourse.tools.ChapterState;

/**
 * The chapter's own znodes, as {@code chapter-state.txt} lists them (the same file {@code exec:java@reset}
 * reads): the roots the lessons create (/app1, /app2, ...) and the starting data for typing along.
 *
 * <p>Before every lesson, and before the type-along zkCli opens, {@link #prepare} deletes each root with
 * everything under it and creates the starting data: the reset's own code, with the lesson's starting data in
 * place of the chapter's. That is what lets the lessons run again and again on a server that keeps its data
 * (chapter 01's): each starts from the same state. Nothing outside the roots is touched, neither /zookeeper
 * nor another chapter's znodes.
 */
record ChapterPaths(ChapterState state) {

    /** Reads the chapter's {@code chapter-state.txt} with the reset's own reader (and its checks). */
    static ChapterPaths read(Path chapterState) throws IOException {
        return new ChapterPaths(ChapterState.read(chapterState));
    }

    List<String> roots() {
        return state.roots();
    }

    /** The starting data a reset puts back, which the type-along zkCli opens with when no lesson is named. */
    List<ChapterState.Fixture> fixtures() {
        return state.fixtures();
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

    /**
     * Deletes every root with everything under it, then creates the given znodes in order, as persistent
     * nodes (null data when none is given, as zkCli's {@code create PATH} does). Returns a line that says so.
     */
    String prepare(String server, List<ChapterState.Fixture> startData)
            throws IOException, InterruptedException, KeeperException {
        ChapterReset.reset(server, state, startData);
        String deleted = "deleted " + String.join(" ", roots()) + " (where present)";
        if (startData.isEmpty()) {
            return "Starting data: " + deleted + "; nothing else to create.";
        }
        return "Starting data: " + deleted + ", then created "
                + String.join(" ", startData.stream().map(ChapterState.Fixture::path).toList()) + ".";
    }
}
