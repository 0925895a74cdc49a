package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

/**
 * The mains print what README.md quotes, on stdout and on stderr, run the way a student runs them (a JVM of
 * their own, a server given with -Dzk.connect). They all run against one server that keeps its data, and each
 * topic runs twice (alone and in the tour), whatever the order: the second run meets the first one's nodes, and
 * must print the same.
 */
class ChapterOutputTest {

    private static final Path README = Path.of("README.md");
    private static final List<String> TOPICS = List.of("connect", "create", "get", "set", "delete", "transaction", "lost-reply");

    /**
     * The standard mask, plus what depends on the machine or on chance: the address Curator stores as default
     * data and its length in the ephemeral node's Stat, the id of a protected node, and in the log the time and
     * the name the loopback address resolves to.
     */
    private static final OutputMask MASK = OutputMask.standard()
            .and("(?m)^[^\\n]*\\n(?=  No data given)", "<this machine's address>\n")
            .and("(zk> stat /crud/app3\\n(?:[^\\n]*\\n){9})dataLength = \\d+", "$1dataLength = <its length>")
            .and("_c_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-", "_c_<id>-")
            .and("(?m)^\\d\\d:\\d\\d:\\d\\d WARN", "<time> WARN")
            .and("for server [^/ ]*/", "for server <name>/");

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void theReadmeQuotesEachTopicOnceAndTheLogOfThoseThatLoseAConnection() throws Exception {
        List<String> expected = new ArrayList<>(TOPICS);
        expected.add(expected.indexOf("connect") + 1, "connect-stderr");
        expected.add("lost-reply-stderr");
        assertEquals(expected, ReadmeQuotes.names(README));
    }

    @ParameterizedTest
    @CsvSource({"connect, ConnectDemo", "create, CreateDemo", "get, GetDemo", "set, SetDemo", "delete, DeleteDemo",
        "transaction, TransactionDemo", "lost-reply, LostReplyDemo"})
    void eachTopicPrintsWhatTheReadmeQuotes(String topic, String mainClass) throws Exception {
        ChildJvm.Result result = run("com.zkcourse.crud." + mainClass);
        assertEquals(masked(ReadmeQuotes.quoted(README, topic)), masked(result.stdoutLines()));
        assertEquals(masked(expectedLog(List.of(topic), result.stderrLines())), masked(result.stderrLines()));
    }

    @Test
    void theTourPrintsEveryTopicInOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String topic : TOPICS) {
            List<String> quote = ReadmeQuotes.quoted(README, topic);
            // Every main's first line says which server it uses; the tour says it once, then runs each topic.
            expected.addAll(expected.isEmpty() ? quote : quote.subList(1, quote.size()));
        }
        ChildJvm.Result result = run(CrudTour.class.getName());
        assertEquals(masked(expected), masked(result.stdoutLines()));
        assertEquals(masked(expectedLog(TOPICS, result.stderrLines())), masked(result.stderrLines()));
    }

    /**
     * What the notes say these topics log on stderr (ZooKeeper's client, each time it closes a socket): the
     * quoted lines of lost-reply exactly; those of connect's server that is not there once per attempt, and the
     * number of attempts in its 2 s depends on timing, so it is taken from the run (at least one).
     */
    private static List<String> expectedLog(List<String> topics, List<String> stderr) throws Exception {
        List<String> expected = new ArrayList<>();
        if (topics.contains("connect")) {
            List<String> refused = ReadmeQuotes.quoted(README, "connect-stderr");
            String firstLine = masked(refused.subList(0, 1));
            long attempts = stderr.stream().filter(line -> masked(List.of(line)).equals(firstLine)).count();
            assertFalse(attempts == 0, "the connect demo's client logs no refused attempt: " + stderr);
            for (int i = 0; i < attempts; i++) {
                expected.addAll(refused);
            }
        }
        if (topics.contains("lost-reply")) {
            expected.addAll(ReadmeQuotes.quoted(README, "lost-reply-stderr"));
        }
        return expected;
    }

    /** One string of lines, so that a failure shows a readable line-by-line difference. */
    private static String masked(List<String> lines) {
        return String.join("\n", MASK.apply(lines));
    }

    private static ChildJvm.Result run(String mainClass) throws Exception {
        ChildJvm.Result result = ChildJvm.run(120, List.of("zk.connect=" + zk.connectString()), mainClass);
        assertEquals(0, result.exitCode(), mainClass + " failed: " + result.stderr());
        return result;
    }
}
