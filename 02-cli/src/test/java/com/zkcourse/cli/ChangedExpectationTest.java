package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

import com.zkcourse.testing.LoopbackServer;

/**
 * The lesson tests can fail: a copy of a lesson with one expected line changed no longer replays as written,
 * and the failure names the line. Only the genuinely variable parts (zxids, dates, session ids, ports,
 * sequence numbers) may change without failing.
 */
class ChangedExpectationTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @TempDir
    Path copies;

    @ParameterizedTest(name = "{0}: ''{1}'' -> ''{2}'' fails")
    @CsvSource(delimiter = '|', value = {
        "03-get-set.txt   | itcast                                                                   | itcastX",
        "03-get-set.txt   | version No is not valid : /app1                                          | ",
        "04-stat.txt      | dataVersion = 1                                                          | dataVersion = 2",
        "04-stat.txt      | ephemeralOwner = 0x0                                                     | ephemeralOwner = 0x1",
        "04-stat.txt      | dataLength = 7                                                           | dataLength = 8",
        "06-ephemeral.txt | Node does not exist: /app3                                               | Created /app3",
        "07-sequential.txt| [lock-0000000002, seq-0000000000, seq-0000000001]                        | [seq-0000000000, seq-0000000001]",
        "08-watch.txt     | WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: 75 | WatchedEvent state:SyncConnected type:NodeCreated path:/app1 zxid: 75",
        "08-watch.txt     | WATCHER::                                                                | WATCHER:",
        "09-help.txt      | Command not found: Command not found help                                | Command not found: help",
        "06-ephemeral.txt | [zk: 127.0.0.1:2181(CLOSED) 6] connect                                   | [zk: 127.0.0.1:2181(CONNECTED) 6] connect",
        "03-get-set.txt   | [zk: 127.0.0.1:2181(CONNECTED) 2] set /app1 itcast                       | [zk: 127.0.0.1:2181(CONNECTED) 3] set /app1 itcast",
    })
    void aChangedExpectationFailsTheReplay(String lesson, String line, String replacement) throws Exception {
        Path edited = editedCopy(lesson, line, replacement);

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Replays.assertReplaysAsWritten(edited, zk.connectString()));

        int editedLine = Files.readAllLines(Replays.LESSONS.resolve(lesson), StandardCharsets.UTF_8).indexOf(line) + 1;
        assertTrue(failure.getMessage().startsWith("lessons/" + lesson + " line " + editedLine + " "),
                failure.getMessage());
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> ''{2}'' still passes")
    @CsvSource(delimiter = '|', value = {
        "08-watch.txt     | WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: 75 | WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: 4242",
        "04-stat.txt      | cZxid = 0x1b                                                             | cZxid = 0xabc",
        "04-stat.txt      | ctime = Wed Nov 25 09:44:54 UTC 2026                                     | ctime = Fri Jan 02 23:59:01 CET 2032",
        "06-ephemeral.txt | ephemeralOwner = 0x1000022249e0009                                       | ephemeralOwner = 0x2000000000000001",
        "07-sequential.txt| Created /app4/seq-0000000003                                             | Created /app4/seq-0000000099",
        "01-connect.txt   | Connecting to 127.0.0.1:2181                                             | Connecting to 127.0.0.1:31999",
        "01-connect.txt   | [zk: 127.0.0.1:2181(CONNECTED) 1] ls /zookeeper                          | [zk: localhost:31999(CONNECTED) 1] ls /zookeeper",
    })
    void aChangedVariablePartStillReplays(String lesson, String line, String replacement) throws Exception {
        Path edited = editedCopy(lesson, line, replacement);

        assertDoesNotThrow(() -> Replays.assertReplaysAsWritten(edited, zk.connectString()));
    }

    /**
     * A copy of a lesson, in a directory of its own, with the first line that equals {@code line} replaced
     * (or removed, when the replacement is empty).
     */
    private Path editedCopy(String lesson, String line, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Replays.LESSONS.resolve(lesson), StandardCharsets.UTF_8));
        int at = lines.indexOf(line);
        assertTrue(at >= 0, lesson + " has no line '" + line + "' to edit");
        if (replacement == null) {
            lines.remove(at);
        } else {
            lines.set(at, replacement);
        }
        Path directory = Files.createDirectories(copies.resolve("lessons"));
        return Files.write(directory.resolve(lesson), lines, StandardCharsets.UTF_8);
    }
}
