package com.zkcourse.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.zookeeper.Version;

import com.zkcourse.tools.CourseServer;

/**
 * The chapter's tour: replays the zkCli sessions of {@code lessons/} through the real zkCli
 * ({@code org.apache.zookeeper.ZooKeeperMain}) and prints each command as zkCli shows it, with its real output.
 *
 * <pre>
 * mvn -q -pl 02-cli -am compile exec:java                      every lesson, in order
 * mvn -q -pl 02-cli -am compile exec:java -Dlesson=08-watch    one lesson (08-watch, 08 or watch)
 * ... -Dzk.connect=127.0.0.1:2181                              on the server you started (chapter 01)
 * </pre>
 *
 * Each lesson first deletes the chapter's paths (/app1 /app2 /app3 /app4, from chapter-state.txt) and
 * creates its starting data, so the replay runs again and again on a server that keeps its data.
 */
public final class LessonReplay {

    /** The system property that picks one lesson. */
    static final String LESSON_PROPERTY = "lesson";

    private LessonReplay() {
    }

    public static void main(String[] args) throws Exception {
        // First of all, before zkCli is loaded: zkCli prints to System.out and System.err directly.
        ZkCliConsole.install();

        Path chapter;
        ChapterPaths paths;
        List<Lesson> lessons;
        try {
            chapter = ChapterPaths.chapterDirectory(args);
            paths = ChapterPaths.read(chapter.resolve("chapter-state.txt"));
            lessons = Lesson.readAll(chapter.resolve("lessons"));
            String wanted = System.getProperty(LESSON_PROPERTY);
            if (wanted != null && !wanted.isBlank()) {
                lessons = List.of(Lesson.pick(lessons, wanted));
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }

        String problem = null;
        try (CourseServer server = CourseServer.choose()) {
            PrintStream out = System.out;
            out.println("Replaying " + (lessons.size() == 1 ? "lesson " + lessons.get(0).name()
                    : lessons.size() + " lessons") + " through the real zkCli (org.apache.zookeeper.ZooKeeperMain "
                    + zooKeeperVersion() + ").");
            out.println("A line '[zk: ...] command' is what you type at zkCli's prompt; the lines under it are "
                    + "what zkCli prints.");
            for (Lesson lesson : lessons) {
                out.println();
                replay(lesson, paths, server.connectString(), out);
            }
            out.println();
            out.println("Type along in the real zkCli, with a lesson's starting data in place:");
            out.println("  mvn -q -pl 02-cli -am compile exec:java@zkcli -Dlesson=" + lessons.get(0).name());
        } catch (Exception e) {
            problem = "the replay stopped: " + e; // reported after the embedded server (if any) has stopped
        }
        if (problem != null) {
            fail(problem);
        }
    }

    /**
     * Replays one lesson on a server: prints its notes, prepares its starting data, then runs every step
     * through zkCli and prints it. Returns the transcript as printed from the '$ zkCli.sh' line on, to be
     * compared with {@link Lesson#transcript()}.
     */
    static List<String> replay(Lesson lesson, ChapterPaths paths, String server, PrintStream out) throws Exception {
        ZkCliConsole.install();
        out.println("=== lesson " + lesson.name() + " (lessons/" + lesson.file().getFileName() + ") ===");
        lesson.header().forEach(out::println);
        out.println(paths.prepare(server, lesson.startData()));
        out.println();

        // The first step starts zkCli (the lesson file always begins its session with it); then the commands.
        List<Lesson.Step> steps = lesson.steps();
        List<String> transcript = new ArrayList<>();
        ZkCliConsole.Captured<LessonShell> started = ZkCliConsole.captureResult(() -> new LessonShell(server));
        try (LessonShell shell = started.result()) {
            show("$ zkCli.sh -server " + server, started.printed(), steps.get(0), out, transcript);
            for (Lesson.Step step : steps.subList(1, steps.size())) {
                String typed = shell.prompt() + step.command();
                show(typed, ZkCliConsole.capture(() -> shell.execute(step.command())), step, out, transcript);
            }
        }
        return transcript;
    }

    /** Prints what was typed, what zkCli printed and the step's notes, and adds them to the transcript. */
    private static void show(String typed, String printed, Lesson.Step step, PrintStream out, List<String> transcript) {
        List<String> lines = new ArrayList<>();
        lines.add(typed);
        lines.addAll(printed.lines().toList());
        lines.addAll(step.notes());
        lines.forEach(out::println);
        transcript.addAll(lines);
    }

    private static String zooKeeperVersion() {
        String full = Version.getFullVersion(); // such as 3.9.5-<git hash>, built on <date>
        int dash = full.indexOf('-');
        return dash > 0 ? full.substring(0, dash) : full;
    }

    private static void fail(String message) {
        System.out.flush();
        System.err.println("lessons: " + message);
        System.exit(2);
    }
}
