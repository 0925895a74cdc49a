package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.UnusedPort;
import com.zkcourse.testing.LoopbackServer;

/**
 * The tour a student runs (exec:java), in a JVM of its own as the student runs it: every lesson's
 * transcript as its file says, in order; bad input as one line and a non-zero exit.
 */
class TourTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void replaysEveryLessonInOrderAsItsFileSays() throws Exception {
        ChildJvm.Result tour = ChildJvm.run(120, List.of("zk.connect=" + zk.connectString()),
                LessonReplay.class.getName());

        assertEquals(0, tour.exitCode(), tour.stderr());
        assertEquals("", tour.stderr());
        List<String> lines = tour.stdoutLines();
        assertEquals("ZooKeeper server: " + zk.connectString() + " (chosen with -Dzk.connect)", lines.get(0));
        assertEquals("Replaying 9 lessons through the real zkCli (org.apache.zookeeper.ZooKeeperMain 3.9.5).", lines.get(1));
        int at = 0;
        for (Lesson lesson : Lesson.readAll(Replays.LESSONS)) {
            at = lines.indexOf("=== lesson " + lesson.name() + " (lessons/" + lesson.file().getFileName() + ") ===");
            assertTrue(at > 0, "no section for " + lesson.name());
            int transcript = lines.subList(at, lines.size()).indexOf("$ zkCli.sh -server " + zk.connectString()) + at;
            int end = transcript + lesson.transcript().size();
            Transcripts.assertSame(lesson, lines.subList(transcript, end));
            assertEquals("", lines.get(end), "the section of " + lesson.name() + " goes on after its transcript");
        }
        assertEquals("Type along in the real zkCli, with a lesson's starting data in place:", lines.get(lines.size() - 2));
    }

    @Test
    void anUnknownLessonIsOneLineAndExitCode2() throws Exception {
        ChildJvm.Result tour = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(), "lesson=nope"),
                LessonReplay.class.getName());

        assertEquals(2, tour.exitCode());
        assertEquals("", tour.stdout(), "nothing starts for a lesson that does not exist");
        assertEquals(List.of("02-cli: -Dlesson=nope: no such lesson; the lessons are 01-connect, 02-create, "
                + "03-get-set, 04-stat, 05-delete, 06-ephemeral, 07-sequential, 08-watch, 09-help"), tour.stderrLines());
    }

    @Test
    void aServerThatDoesNotAnswerIsOneLineAndExitCode2() throws Exception {
        try (UnusedPort nothingThere = UnusedPort.reserve()) {
            ChildJvm.Result tour = ChildJvm.run(60, List.of("zk.connect=" + nothingThere.address()),
                    LessonReplay.class.getName());

            assertEquals(2, tour.exitCode());
            assertEquals(1, tour.stderrLines().size(), tour.stderr());
            assertTrue(tour.stderr().startsWith("02-cli: -Dzk.connect=" + nothingThere.address()
                    + ": no ZooKeeper server answers there"), tour.stderr());
        }
    }

    @Test
    void theTypeAlongRefusesAnUnknownLessonTheSameWay() throws Exception {
        ChildJvm.Result zkCli = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(), "lesson=99"),
                TypeAlong.class.getName());

        assertEquals(2, zkCli.exitCode());
        assertEquals("", zkCli.stdout());
        assertTrue(zkCli.stderr().startsWith("02-cli: -Dlesson=99: no such lesson; the lessons are 01-connect,"), zkCli.stderr());
    }
}
