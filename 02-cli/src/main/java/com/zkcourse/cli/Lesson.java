package com.zkcourse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.zookeeper.common.PathUtils;

import com.zkcourse.tools.ChapterState;

/**
 * One lesson of {@code lessons/}: a zkCli session written down the way the screen shows it.
 *
 * <pre>
 * # Notes start with '#'. Before the session, they say what the lesson is about.
 * start create /app1 itheima            &lt;- starting data, created before the session
 *
 * $ zkCli.sh -server 127.0.0.1:2181      &lt;- starting zkCli; under it, what zkCli prints
 * Connecting to 127.0.0.1:2181
 * ...
 * [zk: 127.0.0.1:2181(CONNECTED) 0] get /app1    &lt;- a prompt and the command typed there
 * itheima                                &lt;- what zkCli prints for it, blank lines included
 * # a note after a command's output explains it (blank lines around notes are allowed)
 * </pre>
 *
 * Everything from the {@code $} line on is the transcript: the replay prints the same lines with the real
 * output, and the tests compare the two.
 */
record Lesson(String name, Path file, List<String> header, List<ChapterState.Fixture> startData, int transcriptLine,
        List<Step> steps) {

    /**
     * A command and what zkCli prints for it. The first step starts zkCli ({@code $ zkCli.sh -server ...});
     * the others are typed at its prompt. {@code written} is the line as the lesson file has it.
     */
    record Step(int line, String written, String command, List<String> output, List<String> notes) {

        boolean startsZkCli() {
            return written.startsWith("$ ");
        }
    }

    private static final Pattern START_ZKCLI = Pattern.compile("\\$ zkCli\\.sh -server (\\S+)");
    private static final Pattern PROMPT = Pattern.compile("\\[zk: [^\\]]*\\] (.*)");

    /** The transcript as the lesson file writes it: every step's line, its output and its notes. */
    List<String> transcript() {
        List<String> lines = new ArrayList<>();
        for (Step step : steps) {
            lines.add(step.written());
            lines.addAll(step.output());
            lines.addAll(step.notes());
        }
        return lines;
    }

    /** The commands typed at zkCli's prompt, in order. */
    List<String> commands() {
        return steps.stream().filter(step -> !step.startsZkCli()).map(Step::command).toList();
    }

    /** Every lesson file ({@code *.txt}) of a directory, in file name order. */
    static List<Lesson> readAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + ": no such lessons directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(directory + ": no lesson files (*.txt)");
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) {
            lessons.add(read(file));
        }
        return lessons;
    }

    /**
     * The lesson a name picks: the full name ({@code 08-watch}), its number ({@code 08}) or its topic
     * ({@code watch}).
     */
    static Lesson pick(List<Lesson> lessons, String wanted) {
        String name = wanted.strip();
        for (Lesson lesson : lessons) {
            String lessonName = lesson.name();
            if (lessonName.equals(name) || lessonName.startsWith(name + "-") || lessonName.endsWith("-" + name)) {
                return lesson;
            }
        }
        throw new IllegalArgumentException("-Dlesson=" + wanted + ": no such lesson; the lessons are "
                + String.join(", ", lessons.stream().map(Lesson::name).toList()));
    }

    /** Reads a lesson file; a line it cannot use is an IllegalArgumentException naming the file and line. */
    static Lesson read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String shownName = file.getParent() == null ? fileName : file.getParent().getFileName() + "/" + fileName;
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1); // blank lines at the end of the file are not part of the session
        }

        List<String> header = new ArrayList<>();
        List<ChapterState.Fixture> startData = new ArrayList<>();
        int at = 0;
        for (; at < lines.size() && !lines.get(at).startsWith("$ "); at++) {
            String line = lines.get(at);
            if (line.startsWith("start ")) {
                startData.add(startLine(line, where(shownName, at)));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException(where(shownName, at) + "before the '$ zkCli.sh -server ...' "
                        + "line only notes (# ...) and 'start create PATH [DATA]' lines may stand, not '" + line + "'");
            }
            header.add(line);
        }
        if (at == lines.size()) {
            throw new IllegalArgumentException(shownName + ": no '$ zkCli.sh -server 127.0.0.1:2181' line; "
                    + "every lesson is a zkCli session that starts with one");
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        if (!START_ZKCLI.matcher(lines.get(at)).matches()) {
            throw new IllegalArgumentException(where(shownName, at) + "expected '$ zkCli.sh -server HOST:PORT', not '"
                    + lines.get(at) + "'");
        }

        int transcriptLine = at + 1;
        List<Step> steps = new ArrayList<>();
        while (at < lines.size()) {
            int stepAt = at;
            String written = lines.get(at);
            String command = written.startsWith("$ ") ? written.substring(2) : promptCommand(written);
            checkCommand(command, where(shownName, stepAt));
            List<String> chunk = new ArrayList<>();
            for (at++; at < lines.size() && !PROMPT.matcher(lines.get(at)).matches(); at++) {
                chunk.add(lines.get(at));
            }
            steps.add(step(stepAt + 1, written, command, chunk, shownName));
        }
        String name = fileName.substring(0, fileName.length() - ".txt".length());
        return new Lesson(name, file, List.copyOf(header), List.copyOf(startData), transcriptLine, List.copyOf(steps));
    }

    /** Splits what follows a command into zkCli's output and the notes after it. */
    private static Step step(int line, String written, String command, List<String> chunk, String shownName) {
        int notesFrom = 0;
        while (notesFrom < chunk.size() && !chunk.get(notesFrom).startsWith("#")) {
            notesFrom++;
        }
        for (int i = notesFrom; i < chunk.size(); i++) {
            String noteLine = chunk.get(i);
            if (!noteLine.isBlank() && !noteLine.startsWith("#")) {
                throw new IllegalArgumentException(where(shownName, line + i) + "after a note only notes and blank "
                        + "lines may follow until the next prompt, not '" + noteLine + "'");
            }
        }
        // Blank lines just before a note set the note apart; they are not zkCli output.
        while (notesFrom > 0 && chunk.get(notesFrom - 1).isBlank() && notesFrom < chunk.size()) {
            notesFrom--;
        }
        return new Step(line, written, command, List.copyOf(chunk.subList(0, notesFrom)),
                List.copyOf(chunk.subList(notesFrom, chunk.size())));
    }

    private static String promptCommand(String line) {
        Matcher prompt = PROMPT.matcher(line);
        if (!prompt.matches()) {
            throw new IllegalStateException("not a prompt line: " + line);
        }
        return prompt.group(1);
    }

    private static void checkCommand(String command, String where) {
        String[] words = command.strip().split("\\s+");
        if (words[0].isEmpty()) {
            throw new IllegalArgumentException(where + "a prompt without a command");
        }
        if (words[0].equals("quit")) {
            throw new IllegalArgumentException(where + "'quit' would end the replay; a lesson ends by itself "
                    + "(the replay closes the session)");
        }
        if (words[0].equals("connect") && words.length > 1) {
            throw new IllegalArgumentException(where + "write 'connect' without an address: it then reconnects "
                    + "to the server the replay uses");
        }
    }

    private static ChapterState.Fixture startLine(String line, String where) {
        String[] words = line.strip().split("\\s+");
        if (words.length < 3 || words.length > 4 || !words[1].equals("create")) {
            throw new IllegalArgumentException(where + "a start line is 'start create PATH [DATA]' (DATA one word), "
                    + "not '" + line + "'");
        }
        try {
            PathUtils.validatePath(words[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "'" + words[2] + "' is not a znode path: " + e.getMessage());
        }
        return new ChapterState.Fixture(words[2], words.length == 4 ? words[3] : null);
    }

    private static String where(String shownName, int index) {
        return shownName + " line " + (index + 1) + ": ";
    }
}
