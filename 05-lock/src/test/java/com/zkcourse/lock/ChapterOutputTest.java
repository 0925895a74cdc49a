package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

/**
 * The chapter as a student runs it: the tour, in a JVM of its own against a real server, prints what
 * README.md quotes of every demo, in order (each demo's seller processes included), and logs nothing but the
 * session-end warnings the notes show. One run of the tour checks every quote: the demos take a while
 * (a session that must time out, seller JVMs), so each runs once.
 */
@Order(1) // one of the longest: see junit-platform.properties
class ChapterOutputTest {

    private static final Path README = Path.of("README.md");

    /** README marker (= execution id) -> the tour's title for it, in the tour's order. */
    private static final Map<String, String> DEMOS = new LinkedHashMap<>();

    static {
        DEMOS.put("recipe", "how InterProcessMutex works");
        DEMOS.put("sale", "the 12306 sale, with the lock");
        DEMOS.put("unsafe", "the 12306 sale, without the lock");
        DEMOS.put("processes", "the sale in two processes");
        DEMOS.put("timeout", "acquire with a timeout, re-entrancy, who may release");
        DEMOS.put("holder-dies", "a holder killed with kill -9");
        DEMOS.put("fencing", "a holder that pauses, and the fence");
        DEMOS.put("other-locks", "Curator's other locks");
    }

    /** Curator's protected-mode prefix: masked first, before the standard mask sees digits in it. */
    private static final String PROTECTION_ID = "_c_\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}-";

    /**
     * The standard mask, plus what changes from run to run here: who sells which ticket (the ledger checks
     * are in SaleTest and SellerProcessTest). A seller process's sale lines go; a thread's keep their ticket
     * and lose their seller; each seller's share loses its numbers. And a pid, and a time.
     */
    static final OutputMask MASK = OutputMask.standard()
            .and("(?m)^  (Ctrip |Fliggy) \\| (Ctrip |Fliggy) sold ticket .*\\n", "")
            .and("(?m)^  (Ctrip |Fliggy) sold (ticket|out)", "  <seller> sold $2")
            .and("(?m)^((?:  (?:Ctrip |Fliggy) \\| )?  )(Ctrip |Fliggy) sold \\d+(: tickets? [\\d ]+)?$", "$1$2 sold <a share>")
            .and("kill -9 \\d+", "kill -9 <pid>")
            .and("\\b\\d+\\.\\d s after the kill", "<t> s after the kill");

    /** What the fencing demo makes ZooKeeper's client log, twice: README section 7 quotes it. */
    private static final OutputMask STDERR_MASK = OutputMask.standard()
            .and("(?m)^\\d\\d:\\d\\d:\\d\\d ", "")
            .and("0x<hex>", "0x...")
            .and("127\\.0\\.0\\.1:<port>", "127.0.0.1:...");

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static ChildJvm.Result tour;

    @BeforeAll
    static void runTheTour() throws Exception {
        tour = ChildJvm.run(300, List.of("zk.connect=" + zk.connectString()), LockTour.class.getName());
    }

    @Test
    void theReadmeQuotesEveryDemoInTheToursOrder() throws Exception {
        List<String> names = new ArrayList<>(DEMOS.keySet());
        names.add(4, "seller-without-server"); // section 4: checked by SellerProcessTest
        assertEquals(names, ReadmeQuotes.names(README));
    }

    @Test
    void theTourPrintsEveryDemoAsTheReadmeQuotesIt() throws Exception {
        assertEquals(0, tour.exitCode(), tour.stderr());
        List<String> expected = new ArrayList<>();
        expected.add("ZooKeeper server: <which>");
        for (Map.Entry<String, String> demo : DEMOS.entrySet()) {
            expected.add("");
            expected.add("=== " + demo.getValue() + "   (alone: exec:java@" + demo.getKey() + ") ===");
            List<String> quote = masked(ReadmeQuotes.quoted(README, demo.getKey()));
            expected.addAll(quote.subList(1, quote.size())); // each demo alone starts with the server line
        }
        assertEquals(String.join("\n", expected), String.join("\n", masked(tour.stdoutLines())));
    }

    @Test
    void theTourLogsOnlyTheEndsOfTheTwoSessionsTheFencingDemoEnds() throws Exception {
        List<String> logged = STDERR_MASK.apply(tour.stderrLines());
        Map<String, Integer> times = new TreeMap<>();
        logged.forEach(line -> times.merge(line, 1, Integer::sum));
        List<String> quoted = readmeBlockAfter("A session ended that way makes");
        assertEquals(new TreeSet<>(quoted), times.keySet(), "what the README shows, and nothing else");
        assertEquals(12, logged.size(), "six lines for each of the two sessions: " + logged);
    }

    @Test
    void theCodeTheReadmeQuotesIsTheCodeThatRuns() throws Exception {
        List<String> quoted = readmeBlockAfter("**The fence** makes the write itself conditional");
        List<String> source = Files.readAllLines(Path.of("src/main/java/com/zkcourse/lock/Seller.java")).stream()
                .map(String::strip).toList();
        List<String> stripped = quoted.stream().map(String::strip).toList();
        assertTrue(Collections.indexOfSubList(source, stripped) >= 0,
                "README's transaction is not in Seller.java as written: " + stripped);
    }

    @Test
    void aDemoRunAlonePrintsItsWholeQuote() throws Exception {
        ChildJvm.Result recipe = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()), LockRecipeDemo.class.getName());
        assertEquals(0, recipe.exitCode(), recipe.stderr());
        assertEquals("", recipe.stderr());
        assertEquals(masked(ReadmeQuotes.quoted(README, "recipe")), masked(recipe.stdoutLines()));
    }

    private static List<String> masked(List<String> lines) {
        return MASK.apply(lines.stream().map(line -> line.replaceAll(PROTECTION_ID, "_c_<uuid>-")).toList());
    }

    /** The first fenced block after the paragraph that starts with {@code paragraph}. */
    private static List<String> readmeBlockAfter(String paragraph) throws Exception {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int at = 0;
        while (!lines.get(at).startsWith(paragraph)) {
            at++;
        }
        while (!lines.get(at).startsWith("```")) {
            at++;
        }
        List<String> block = new ArrayList<>();
        for (at++; !lines.get(at).startsWith("```"); at++) {
            block.add(lines.get(at));
        }
        return block;
    }
}
