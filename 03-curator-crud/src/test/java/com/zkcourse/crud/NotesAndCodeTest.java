package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Code shown to a student is code that runs. A call a demo prints (Show.call) is code in that demo; a block of
 * code README.md quotes (under {@code <!-- code: path -->}) is in that file; every test README.md names exists.
 * What the mains print is checked by {@link ChapterOutputTest}.
 */
class NotesAndCodeTest {

    private static final Path README = Path.of("README.md");
    private static final Path MAINS = Path.of("src/main/java/com/zkcourse/crud");

    private static final Pattern SHOW_CALL = Pattern.compile("Show\\.call\\(");
    private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern LITERAL_SHOW_CALL = Pattern.compile("Show\\.call\\(" + LITERAL + "\\);");
    /** A whole Show.xxx(...); statement, string literals and all: printing, not running. */
    private static final Pattern SHOW_STATEMENT = Pattern.compile("Show\\.\\w+\\((?:[^;\"]|" + LITERAL + ")*\\);");
    private static final Pattern MARKER = Pattern.compile("<!-- (output|code): (.+) -->");
    private static final Pattern TEST_NAMED = Pattern.compile("\\b([A-Z]\\w*Test)(?:\\.(\\w+))?\\b");

    @Test
    void everyCallADemoPrintsIsCodeThatDemoRuns() throws IOException {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.list(MAINS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                calls += (int) SHOW_CALL.matcher(source).results().count();
                problems.addAll(printedButNotRun(file.getFileName().toString(), source));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(calls > 50, "the demos print their calls: " + calls);
    }

    /** The check above must be able to fail: a printed call that differs from the code, or is not one literal. */
    @Test
    void aPrintedCallThatIsNotTheCodeIsFound() {
        String drifted = "Show.call(\"client.delete().forPath(\\\"/app1\\\")\");\nclient.delete().forPath(\"/app2\");";
        String computed = "Show.call(\"client.delete().forPath(\" + path + \")\");\nclient.delete().forPath(path);";
        String onlyInAComment = "Show.call(\"client.sync()\");\n// client.sync()\nShow.note(\"client.sync()\");";
        String good = "Show.call(\"client.delete().forPath(\\\"/a//b\\\")\"); // why\nclient.delete()\n    .forPath(\"/a//b\");";
        assertEquals(1, printedButNotRun("drifted", drifted).size());
        assertEquals(1, printedButNotRun("computed", computed).size());
        assertEquals(1, printedButNotRun("onlyInAComment", onlyInAComment).size());
        assertEquals(List.of(), printedButNotRun("good", good));
    }

    @Test
    void everyBlockOfCodeTheReadmeQuotesIsInItsFile() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int quoted = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue; // an opening fence: the loop steps over each block's closing one
            }
            Matcher marker = markerBefore(lines, i);
            assertTrue(marker != null, "README.md line " + (i + 1) + ": a block with no <!-- output: --> or <!-- code: --> marker");
            int end = i + 1;
            while (!lines.get(end).startsWith("```")) {
                end++;
            }
            if (marker.group(1).equals("code")) {
                List<String> file = trimmed(Files.readAllLines(Path.of(marker.group(2))));
                List<String> block = trimmed(lines.subList(i + 1, end));
                assertTrue(appearsInOrder(block, file), "README.md line " + (i + 1) + ": this block is not in " + marker.group(2));
                quoted++;
            }
            i = end;
        }
        assertEquals(2, quoted, "the code blocks README.md quotes");
    }

    @Test
    void everyTestTheReadmeNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Matcher named = TEST_NAMED.matcher(Files.readString(README));
        while (named.find()) {
            if (named.group(1).equals("CuratorTest")) {
                continue; // the original course's class
            }
            try {
                Class<?> testClass = Class.forName("com.zkcourse.crud." + named.group(1));
                String method = named.group(2);
                if (method != null && Arrays.stream(testClass.getDeclaredMethods()).noneMatch(m -> m.getName().equals(method))) {
                    missing.add(named.group());
                }
            } catch (ClassNotFoundException e) {
                missing.add(named.group());
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The calls in {@code source} that it prints with Show.call but does not run: the problems, one line each. */
    private static List<String> printedButNotRun(String name, String source) {
        String code = withoutComments(source);
        List<String> problems = new ArrayList<>();
        List<String> printed = LITERAL_SHOW_CALL.matcher(code).results().map(m -> unescape(m.group(1))).toList();
        if (printed.size() != SHOW_CALL.matcher(code).results().count()) {
            problems.add(name + ": a Show.call whose argument is not one string literal");
        }
        String run = squeezed(SHOW_STATEMENT.matcher(code).replaceAll(""));
        for (String call : printed) {
            if (!run.contains(squeezed(call))) {
                problems.add(name + " prints " + call.strip() + " but does not run it");
            }
        }
        return problems;
    }

    /** The source without // and /* comments (string literals kept, "//" inside them too). */
    private static String withoutComments(String source) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                code.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                int lineEnd = source.indexOf('\n', i);
                i = (lineEnd < 0 ? source.length() : lineEnd) - 1;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i) + 1;
            } else {
                code.append(c);
            }
        }
        return code.toString();
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Matcher markerBefore(List<String> lines, int fence) {
        int at = fence - 1;
        while (at >= 0 && lines.get(at).isBlank()) {
            at--;
        }
        Matcher marker = at < 0 ? null : MARKER.matcher(lines.get(at));
        return marker != null && marker.matches() ? marker : null;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    /** Whether the block's lines are in the file in this order, each run between "..." lines one after another. */
    private static boolean appearsInOrder(List<String> block, List<String> file) {
        int from = 0;
        List<String> run = new ArrayList<>();
        for (String line : concat(block, "...")) {
            if (!line.equals("...")) {
                run.add(line);
                continue;
            }
            int at = Collections.indexOfSubList(file.subList(from, file.size()), run);
            if (at < 0) {
                return false;
            }
            from += at + run.size();
            run.clear();
        }
        return true;
    }

    private static List<String> concat(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }
}
