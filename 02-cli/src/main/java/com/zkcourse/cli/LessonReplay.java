package com.zkcourse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * The chapter's tour: replays the zkCli sessions of {@code lessons/} through the real zkCli
 * ({@code org.apache.zookeeper.ZooKeeperMain}) and prints each command as zkCli shows it, with its real output.
 *
 * <pre>
 * ./mvnw -q -pl 02-cli -am compile exec:java                      every lesson, in order
 * ./mvnw -q -pl 02-cli -am compile exec:java -Dlesson=08-watch    one lesson (08-watch, 08 or watch)
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

    /** What the switches chose: the chapter's paths and the lessons to replay. */
    private record Chosen(ChapterPaths paths, List<Lesson> lessons) {

        static Chosen read(String[] args) throws IOException {
            try {
                Path chapter = ChapterPaths.chapterDirectory(args);
                List<Lesson> lessons = Lesson.readAll(chapter.resolve("lessons"));
                String wanted = System.getProperty(LESSON_PROPERTY);
                if (wanted != null && !wanted.isBlank()) {
                    lessons = List.of(Lesson.pick(lessons, wanted));
                }
                return new Chosen(ChapterPaths.read(chapter.resolve("chapter-state.txt")), lessons);
            } catch (IllegalArgumentException e) {
                throw new CourseFailure(e.getMessage()); // a lesson that does not exist, a lesson file with a typo
            }
        }
    }

    public static void main(String[] args) {
        // First of all, before zkCli is loaded: zkCli prints to System.out and System.err directly.
        ZkCliConsole.install();
        CourseMain.run(() -> Chosen.read(args), LessonReplay::replayAll);
    }

    private static void replayAll(CourseServer server, Chosen chosen) throws Exception {
        PrintStream out = System.out;
        List<Lesson> lessons = chosen.lessons();
        out.println("Replaying " + (lessons.size() == 1 ? "lesson " + lessons.get(0).name()
                : lessons.size() + " lessons") + " through the real zkCli (org.apache.zookeeper.ZooKeeperMain "
                + CourseServer.zooKeeperVersion() + ").");
        out.println("A line '[zk: ...] command' is what you type at zkCli's prompt; the lines under it are "
                + "what zkCli prints.");
        for (Lesson lesson : lessons) {
            out.println();
            replay(lesson, chosen.paths(), server.connectString(), out);
        }
        out.println();
        out.println("Type along in the real zkCli, with a lesson's starting data in place:");
        out.println("  ./mvnw -q -pl 02-cli -am compile exec:java@zkcli -Dlesson=" + lessons.get(0).name());
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
}
