package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The mains print what README.md quotes, run the way a student runs them (a JVM of their own, a server
 * given with -Dzk.connect). They all run against one server that keeps its data, and each topic runs twice
 * (alone and in the tour), whatever the order: the second run meets the first one's nodes, and must print
 * the same.
 */
class ChapterOutputTest {

    private static final Path README = Path.of("README.md");
    private static final List<String> TOPICS = List.of("connect", "create", "get", "set", "delete");

    /**
     * The standard mask, plus the two values of this chapter that depend on the machine: the address
     * Curator stores as default data, and that address's length in the ephemeral node's Stat.
     */
    private static final OutputMask MASK = OutputMask.standard()
            .and("(?m)^[^\\n]*\\n(?=  No data given)", "<this machine's address>\n")
            .and("(zk> stat /crud/app3\\n(?:[^\\n]*\\n){9})dataLength = \\d+", "$1dataLength = <its length>");

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void theReadmeQuotesEachTopicOnce() throws Exception {
        assertEquals(TOPICS, ReadmeQuotes.names(README));
    }

    @ParameterizedTest
    @CsvSource({"connect, ConnectDemo", "create, CreateDemo", "get, GetDemo", "set, SetDemo", "delete, DeleteDemo"})
    void eachTopicPrintsWhatTheReadmeQuotes(String topic, String mainClass) throws Exception {
        ChildJvm.Result result = run("com.zkcourse.crud." + mainClass);
        assertEquals(masked(ReadmeQuotes.quoted(README, topic)), masked(result.stdoutLines()));
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
    }

    /** One string of lines, so that a failure shows a readable line-by-line difference. */
    private static String masked(List<String> lines) {
        return String.join("\n", MASK.apply(lines));
    }

    private static ChildJvm.Result run(String mainClass) throws Exception {
        ChildJvm.Result result = ChildJvm.run(120, List.of("zk.connect=" + zk.connectString()), mainClass);
        assertEquals(0, result.exitCode(), mainClass + " failed: " + result.stderr());
        assertEquals(List.of(), unexpectedLogLines(result.stderrLines()), mainClass + " wrote to stderr");
        return result;
    }

    /**
     * stderr is ZooKeeper's log (CONTRIBUTING.md: one logging convention). The connect and set demos lose their
     * connection on purpose, and ZooKeeper's client warns each time it closes a socket: a WARN line from
     * ClientCnxn, then the exception's first line. Anything else is unexpected.
     */
    private static List<String> unexpectedLogLines(List<String> stderr) {
        List<String> unexpected = new java.util.ArrayList<>();
        for (int i = 0; i < stderr.size(); i++) {
            if (stderr.get(i).matches("\\d\\d:\\d\\d:\\d\\d WARN  ClientCnxn - .*")) {
                if (i + 1 < stderr.size() && stderr.get(i + 1).matches("[\\w.$]+(Exception|Error)(: .*)?")) {
                    i++; // the exception's first line
                }
                continue;
            }
            unexpected.add(stderr.get(i));
        }
        return unexpected;
    }
}
