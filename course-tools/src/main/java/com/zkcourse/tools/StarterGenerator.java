package com.zkcourse.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a student's starting file from the reference solution, the single source of truth. The solution marks
 * what the student writes:
 *
 * <pre>
 *     public static Stat update(CuratorFramework client, String path, String data) throws Exception {
 *         // SOLUTION BEGIN: read the node with its Stat, then setData().withVersion(...)
 *         ...the solution...
 *         // SOLUTION END
 *     }
 * </pre>
 *
 * and the starting file has, in its place, a TODO that throws and carries the hint:
 *
 * <pre>
 *         // TODO: read the node with its Stat, then setData().withVersion(...)
 *         throw new UnsupportedOperationException("TODO: read the node with its Stat, then setData().withVersion(...)");
 * </pre>
 *
 * So a region must end its method (nothing but the closing brace after it): code after a throw would not
 * compile. In a zkCli script ({@code .zkcli}) the markers are {@code # SOLUTION BEGIN: hint} and
 * {@code # SOLUTION END}, and the region becomes {@code # TODO: hint}: the script then does nothing, which
 * its check notices. Everything outside the regions is copied as it is.
 */
public final class StarterGenerator {

    private static final Pattern BEGIN = Pattern.compile("^(\\s*)(//|#) SOLUTION BEGIN: (.+)$");
    private static final Pattern END = Pattern.compile("^\\s*(//|#) SOLUTION END\\s*$");

    private StarterGenerator() {
    }

    /** One marked region: its hint and where it starts (1-based line). */
    public record Region(int line, String hint) {
    }

    /**
     * The starting file made from {@code solution}. {@code name} (such as {@code java/.../CreateWithParents.java})
     * only names the file in errors and tells Java from a zkCli script.
     *
     * @throws IllegalArgumentException naming the file and line when the markers are wrong
     */
    public static String starterOf(String solution, String name) {
        boolean java = name.endsWith(".java");
        List<String> lines = solution.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                if (END.matcher(lines.get(i)).matches()) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + ": SOLUTION END without a BEGIN");
                }
                out.add(lines.get(i));
                continue;
            }
            checkCommentStyle(begin.group(2), java, name, i);
            int end = endOf(lines, i, name);
            String indent = begin.group(1);
            String hint = begin.group(3).strip();
            if (java) {
                requireMethodEndAfter(lines, end, name);
                out.add(indent + "// TODO: " + hint);
                out.add(indent + "throw new UnsupportedOperationException(\"TODO: " + javaString(hint) + "\");");
            } else {
                out.add(indent + "# TODO: " + hint);
            }
            i = end;
        }
        if (out.isEmpty()) {
            return "";
        }
        return String.join("\n", out) + (solution.endsWith("\n") ? "\n" : "");
    }

    /** The regions of a solution, with their hints, in order. */
    public static List<Region> regionsOf(String solution) {
        List<Region> regions = new ArrayList<>();
        List<String> lines = solution.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (begin.matches()) {
                regions.add(new Region(i + 1, begin.group(3).strip()));
            }
        }
        return regions;
    }

    private static void checkCommentStyle(String marker, boolean java, String name, int i) {
        if (java != marker.equals("//")) {
            throw new IllegalArgumentException(name + " line " + (i + 1) + ": write the marker as "
                    + (java ? "'// SOLUTION BEGIN: hint'" : "'# SOLUTION BEGIN: hint'"));
        }
    }

    private static int endOf(List<String> lines, int begin, String name) {
        for (int i = begin + 1; i < lines.size(); i++) {
            if (BEGIN.matcher(lines.get(i)).matches()) {
                break;
            }
            if (END.matcher(lines.get(i)).matches()) {
                if (i == begin + 1) {
                    throw new IllegalArgumentException(name + " line " + (begin + 1) + ": an empty SOLUTION region");
                }
                return i;
            }
        }
        throw new IllegalArgumentException(name + " line " + (begin + 1) + ": SOLUTION BEGIN without its SOLUTION END");
    }

    /** In Java the TODO throws, so nothing may follow the region in its method. */
    private static void requireMethodEndAfter(List<String> lines, int end, String name) {
        for (int i = end + 1; i < lines.size(); i++) {
            String next = lines.get(i).strip();
            if (next.isEmpty()) {
                continue;
            }
            if (next.equals("}")) {
                return;
            }
            break;
        }
        throw new IllegalArgumentException(name + " line " + (end + 1) + ": a SOLUTION region must end its method "
                + "(only '}' may follow SOLUTION END): the starting file replaces it with a throw");
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
