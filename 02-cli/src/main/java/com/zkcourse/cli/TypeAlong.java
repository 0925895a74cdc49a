package com.zkcourse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.zookeeper.ZooKeeperMain;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import com.zkcourse.tools.ChapterState;
import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * Opens the real zkCli on the course's server, with a lesson's starting data in place, so you can type
 * along:
 *
 * <pre>
 * ./mvnw -q -pl 02-cli -am compile exec:java@zkcli -Dlesson=08-watch    lesson 08's starting data
 * ./mvnw -q -pl 02-cli -am compile exec:java@zkcli                      the chapter's (chapter-state.txt)
 * </pre>
 *
 * Every line you type goes to {@code ZooKeeperMain.executeLine}, exactly as in zkCli.sh. The loop around it
 * is this class's: ZooKeeperMain 3.9.5's own loop takes Ctrl-C for a broken terminal, prints "JLine support
 * is disabled" and goes on reading without line editing; here {@code quit}, Ctrl-C and Ctrl-D all close the
 * session and end the program, and an embedded server stops with it.
 */
public final class TypeAlong {

    private TypeAlong() {
    }

    /** What the switches chose: the chapter's paths and the starting data to open zkCli with. */
    private record Chosen(ChapterPaths paths, List<ChapterState.Fixture> startData) {

        static Chosen read(String[] args) throws IOException {
            try {
                Path chapter = ChapterPaths.chapterDirectory(args);
                ChapterPaths paths = ChapterPaths.read(chapter.resolve("chapter-state.txt"));
                String wanted = System.getProperty(LessonReplay.LESSON_PROPERTY);
                return new Chosen(paths, wanted == null || wanted.isBlank()
                        ? paths.fixtures()
                        : Lesson.pick(Lesson.readAll(chapter.resolve("lessons")), wanted).startData());
            } catch (IllegalArgumentException e) {
                throw new CourseFailure(e.getMessage()); // a lesson that does not exist
            }
        }
    }

    public static void main(String[] args) {
        CourseMain.run(() -> Chosen.read(args), (server, chosen) -> {
            System.out.println(chosen.paths().prepare(server.connectString(), chosen.startData()));
            System.out.println("This is the real zkCli: type its commands (help lists them, Tab completes). "
                    + "quit, Ctrl-C or Ctrl-D ends it" + (server.embedded().isPresent()
                    ? " and stops the embedded server." : "."));
            typeAlong(server);
            System.out.println("zkCli's session is closed.");
        });
    }

    private static void typeAlong(CourseServer server) throws IOException, InterruptedException {
        try (LessonShell shell = server.closeOnExit(new LessonShell(server.connectString()));
             // dumb(true): when the input is not a terminal (a pipe, an IDE console), read it plainly
             // instead of warning that no terminal could be opened.
             Terminal terminal = TerminalBuilder.builder().dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .completer((lineReader, line, candidates) -> complete(shell, line.wordIndex(), line.word(), candidates))
                    .build();
            // On a terminal, Ctrl-C reaches readLine as a UserInterruptException. When the input is not a
            // terminal, Ctrl-C stops the JVM instead: closeOnExit (above) still closes the session, before an
            // embedded server stops, so the server deletes its ephemeral znodes at once instead of after the
            // session timeout.
            readAndExecute(shell, reader);
        }
    }

    /** zkCli's loop: prompt, read a line, execute it; until quit, Ctrl-C or the end of the input. */
    private static void readAndExecute(LessonShell shell, LineReader reader) {
        while (true) {
            String line;
            try {
                line = reader.readLine(shell.prompt());
            } catch (UserInterruptException | EndOfFileException ctrlCOrEnd) {
                return;
            }
            if (line.strip().equals("quit") || line.strip().startsWith("quit ")) {
                return; // zkCli's quit closes the session and calls System.exit; closing the shell does the first
            }
            try {
                shell.execute(line);
            } catch (Exception e) {
                System.out.println("zkCli could not run '" + line.strip() + "': " + e);
            }
        }
    }

    /** Tab completion like zkCli's: command names first, then znode paths. */
    private static void complete(LessonShell shell, int wordIndex, String word, List<Candidate> candidates) {
        if (wordIndex == 0) {
            ZooKeeperMain.getCommands().forEach(command -> candidates.add(new Candidate(command)));
        } else if (word.startsWith("/")) {
            String parent = word.lastIndexOf('/') == 0 ? "/" : word.substring(0, word.lastIndexOf('/'));
            for (String child : shell.children(parent)) {
                String path = (parent.equals("/") ? "" : parent) + "/" + child;
                candidates.add(new Candidate(path, path, null, null, null, null, false));
            }
        }
    }
}
