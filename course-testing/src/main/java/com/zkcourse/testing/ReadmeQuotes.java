package com.zkcourse.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output a chapter README quotes, so a test can check the README still says what the code prints.
 * A quote is the fenced block right after a marker line:
 *
 * <pre>
 * &lt;!-- output: create-demo --&gt;
 * ```
 * ZooKeeper server: 127.0.0.1:2181 (...)
 * create /crud/app1 -&gt; /crud/app1
 * ```
 * </pre>
 *
 * The marker's name is free (often the demo's execution id); the marker is invisible on a rendered page.
 */
public final class ReadmeQuotes {

    private ReadmeQuotes() {
    }

    /** The lines of the block quoted under {@code <!-- output: name -->}. */
    public static List<String> quoted(Path readme, String name) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        String marker = "<!-- output: " + name + " -->";
        int at = lines.indexOf(marker);
        if (at < 0) {
            throw new AssertionError(readme + " has no line '" + marker + "'");
        }
        int open = at + 1;
        while (open < lines.size() && lines.get(open).isBlank()) {
            open++;
        }
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
            throw new AssertionError(readme + ": '" + marker + "' must be followed by a fenced block (```)");
        }
        List<String> block = new ArrayList<>();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                return block;
            }
            block.add(lines.get(i));
        }
        throw new AssertionError(readme + ": the block after '" + marker + "' is not closed");
    }

    /** Every marker name in the README, in order, so a test can check it covers them all. */
    public static List<String> names(Path readme) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("<!-- output: ") && line.endsWith(" -->")) {
                names.add(line.substring("<!-- output: ".length(), line.length() - " -->".length()));
            }
        }
        return names;
    }
}
