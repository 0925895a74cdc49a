package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.zkcourse.testing.LoopbackServer;

/**
 * Every lesson, replayed through the real zkCli on a real server, prints what its file says (variable parts
 * masked). All of them run on one server, one after the other, as on a server a student keeps.
 */
class LessonsTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    static Stream<String> lessonFiles() throws IOException {
        try (Stream<Path> files = Files.list(Replays.LESSONS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonFiles")
    void replaysAsWritten(String lessonFile) throws Exception {
        Replays.assertReplaysAsWritten(Replays.LESSONS.resolve(lessonFile), zk.connectString());
    }

    @Test
    void theLessonsCoverTheCourseCommands() throws Exception {
        List<String> commands = Lesson.readAll(Replays.LESSONS).stream().flatMap(lesson -> lesson.commands().stream()).toList();
        for (String expected : List.of("ls /", "create /app1 itheima", "create /app2", "get /app1", "set /app1 itcast",
                "ls -s /app1", "stat /app1", "get -s /app1", "delete /app2", "deleteall /app1",
                "create -e /app3 temporary", "create -s /app4/seq- a", "get -w /app1", "help")) {
            assertTrue(commands.contains(expected), "no lesson types '" + expected + "'");
        }
    }
}
