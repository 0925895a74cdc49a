package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zkcourse.tools.ChapterState;

/** How a lesson file reads, and the one-line error for a line it cannot use. */
class LessonFileTest {

    @TempDir
    Path directory;

    private Path lessonFile(String... lines) throws IOException {
        return Files.write(Files.createDirectories(directory.resolve("lessons")).resolve("99-test.txt"),
                List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void splitsAWatchStepIntoZkClisOutputAndTheNotesAfterIt() throws IOException {
        Lesson lesson = Lesson.read(Replays.LESSONS.resolve("08-watch.txt"));
        Lesson.Step set = lesson.steps().get(2);

        assertEquals("08-watch", lesson.name());
        assertEquals(List.of(new ChapterState.Fixture("/app1", "itheima"), new ChapterState.Fixture("/app1/p1", null)), lesson.startData());
        assertEquals("set /app1 itcast", set.command());
        assertEquals(List.of("", "WATCHER::", "", "WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: 75"),
                set.output());
        assertEquals(List.of("# The event says what changed and where (and the zxid of the change), not the new data: get it again."),
                set.notes());
        assertEquals(List.of(), lesson.steps().get(3).output(), "set prints nothing when it works");
    }

    @Test
    void blankLinesBeforeANoteAndAtTheEndOfTheFileAreNotOutput() throws IOException {
        Lesson lesson = Lesson.read(lessonFile("# notes", "", "$ zkCli.sh -server 127.0.0.1:2181", "Connecting",
                "[zk: 127.0.0.1:2181(CONNECTED) 0] get /app1", "itheima", "", "# a note", "",
                "[zk: 127.0.0.1:2181(CONNECTED) 1] get /app2", "null", "", ""));

        assertEquals(List.of("# notes"), lesson.header());
        assertEquals(3, lesson.transcriptLine());
        assertEquals(List.of("itheima"), lesson.steps().get(1).output());
        assertEquals(List.of("", "# a note", ""), lesson.steps().get(1).notes());
        assertEquals(List.of("null"), lesson.steps().get(2).output());
        assertEquals(List.of("get /app1", "get /app2"), lesson.commands());
    }

    /** The file's lines are separated by '~' in the first column. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "ls /~$ zkCli.sh -server 127.0.0.1:2181|lessons/99-test.txt line 1: before the '$ zkCli.sh -server ...' line only notes (# ...) and 'start create PATH [DATA]' lines may stand, not 'ls /'",
        "start create app1~$ zkCli.sh -server 127.0.0.1:2181|lessons/99-test.txt line 1: 'app1' is not a znode path: Path must start with / character",
        "# notes~start set /app1 x~$ zkCli.sh -server 127.0.0.1:2181|lessons/99-test.txt line 2: a start line is 'start create PATH [DATA]' (DATA one word), not 'start set /app1 x'",
        "$ zkCli.sh|lessons/99-test.txt line 1: expected '$ zkCli.sh -server HOST:PORT', not '$ zkCli.sh'",
        "# only notes~start create /app1|lessons/99-test.txt: no '$ zkCli.sh -server 127.0.0.1:2181' line; every lesson is a zkCli session that starts with one",
    })
    void aHeaderLineItCannotUseIsOneLineNamingFileAndLine(String lines, String message) throws IOException {
        Path lesson = lessonFile(lines.split("~"));

        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Lesson.read(lesson)).getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "quit|lessons/99-test.txt line 3: 'quit' would end the replay; a lesson ends by itself (the replay closes the session)",
        "connect 127.0.0.1:2181|lessons/99-test.txt line 3: write 'connect' without an address: it then reconnects to the server the replay uses",
    })
    void aCommandTheReplayCannotRunIsRefused(String command, String message) throws IOException {
        Path lesson = lessonFile("$ zkCli.sh -server 127.0.0.1:2181", "Connecting to 127.0.0.1:2181",
                "[zk: 127.0.0.1:2181(CONNECTED) 0] " + command);

        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Lesson.read(lesson)).getMessage());
    }

    @Test
    void outputAfterANoteIsRefused() throws IOException {
        Path lesson = lessonFile("$ zkCli.sh -server 127.0.0.1:2181", "[zk: 127.0.0.1:2181(CONNECTED) 0] get /app1",
                "# the note comes too early", "itheima");

        assertEquals("lessons/99-test.txt line 4: after a note only notes and blank lines may follow until the next "
                + "prompt, not 'itheima'", assertThrows(IllegalArgumentException.class, () -> Lesson.read(lesson)).getMessage());
    }

    @Test
    void aLessonIsPickedByNameNumberOrTopic() throws IOException {
        List<Lesson> lessons = Lesson.readAll(Replays.LESSONS);

        assertEquals("08-watch", Lesson.pick(lessons, "08-watch").name());
        assertEquals("08-watch", Lesson.pick(lessons, "08").name());
        assertEquals("08-watch", Lesson.pick(lessons, "watch").name());
        assertEquals("03-get-set", Lesson.pick(lessons, "get-set").name());
        assertEquals("-Dlesson=nope: no such lesson; the lessons are 01-connect, 02-create, 03-get-set, 04-stat, "
                + "05-delete, 06-ephemeral, 07-sequential, 08-watch, 09-help",
                assertThrows(IllegalArgumentException.class, () -> Lesson.pick(lessons, "nope")).getMessage());
    }
}
