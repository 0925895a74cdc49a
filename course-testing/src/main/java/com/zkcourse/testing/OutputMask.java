package com.zkcourse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hides the parts of a main's output that change from run to run (ports, zxids, session ids, times,
 * sequence numbers), so a test can compare the output with what a README quotes, exactly, everywhere else.
 * Apply the same mask to both sides: the README may then show a real run's values.
 */
public final class OutputMask {

    private record Rule(Pattern pattern, String replacement) {
    }

    private final List<Rule> rules;

    private OutputMask(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The variable parts every chapter has. */
    public static OutputMask standard() {
        return new OutputMask(List.of())
                // The first line of every main: which server (embedded, 2181 or -Dzk.connect) depends on the machine.
                .and("(?m)^ZooKeeper server: .*$", "ZooKeeper server: <which>")
                // zkCli's prompt: [zk: 127.0.0.1:41523(CONNECTED) 3]. The counter is the same in every run: kept.
                .and("\\[zk: [^\\]]*\\((CONNECTED|CONNECTING|CLOSED)\\) (\\d+)\\]", "[zk: <server>($1) $2]")
                // WatchedEvent's zxid (3.9 prints it in decimal): zxid: 37. A -1 ("no zxid") is kept.
                .and("zxid: \\d+", "zxid: <zxid>")
                .and("\\b(127\\.0\\.0\\.1|localhost):\\d+", "$1:<port>")
                // Dates as ZooKeeper prints ctime/mtime: Wed Nov 25 09:31:16 UTC 2026
                .and("\\b[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d [A-Z]{2,5} \\d{4}\\b", "<date>")
                // zxids, session ids, ephemeral owners: 0x1a, 0x100004a2b3c0000. Not 0x0: an ephemeralOwner of
                // 0x0 means "persistent", the same in every run, and a test must see it change.
                .and("\\b0x(?!0\\b)[0-9a-fA-F]+\\b", "0x<hex>")
                // epoch milliseconds (13 digits), before the sequence rule would take their last ten
                .and("\\b\\d{13}\\b", "<millis>")
                // sequential znode suffixes: /tickets/t-0000000003
                .and("\\d{10}\\b", "<seq>")
                // durations: 12 ms, 3.4 ms
                .and("\\b\\d+(\\.\\d+)? ms\\b", "<n> ms");
    }

    /** This mask plus one more rule ({@link java.util.regex.Matcher#replaceAll} syntax). */
    public OutputMask and(String regex, String replacement) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(Pattern.compile(regex), replacement));
        return new OutputMask(more);
    }

    public String apply(String text) {
        String masked = text;
        for (Rule rule : rules) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }

    public List<String> apply(List<String> lines) {
        return apply(String.join("\n", lines)).lines().toList();
    }
}
