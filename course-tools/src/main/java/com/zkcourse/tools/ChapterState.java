package com.zkcourse.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.zookeeper.common.PathUtils;

/**
 * What a chapter keeps on the server, read from its {@code chapter-state.txt}:
 *
 * <pre>
 * # the chapter's name, for messages
 * chapter 03-curator-crud
 * # a znode the chapter owns: reset deletes it and everything under it
 * root /crud
 * # starting fixtures, created again in file order; the rest of the line, if any, is the node's data
 * # (a fixture without data gets none, as zkCli's "create /crud" gives none)
 * create /crud
 * create /crud/app1 itheima
 * </pre>
 *
 * A '#' starts a comment only at the start of a line: after a path it would be part of the node's data.
 * Every fixture lies under a root, so a reset puts back exactly what it removed; no root may be
 * {@code /} or {@code /zookeeper}, which belong to the server.
 */
public record ChapterState(String chapter, List<String> roots, List<Fixture> fixtures) {

    /** A znode the chapter starts with; {@code data} is null for a node created without data. */
    public record Fixture(String path, String data) {
    }

    public static ChapterState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such chapter state file");
        }
        String chapter = null;
        List<String> roots = new ArrayList<>();
        List<Fixture> fixtures = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1) + ": ";
            String[] words = line.split("\\s+", 3);
            switch (words[0]) {
                case "chapter" -> chapter = rest(words, where);
                case "root" -> roots.add(checkedRoot(rest(words, where), where));
                case "create" -> fixtures.add(new Fixture(checkedPath(rest(words, where), where),
                        words.length == 3 ? words[2] : null));
                default -> throw new IllegalArgumentException(where + "unknown keyword '" + words[0]
                        + "' (expected chapter, root or create)");
            }
        }
        if (chapter == null || roots.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs a 'chapter' line and at least one 'root' line");
        }
        for (Fixture fixture : fixtures) {
            if (roots.stream().noneMatch(root -> isAtOrUnder(fixture.path(), root))) {
                throw new IllegalArgumentException(file + ": fixture " + fixture.path()
                        + " is outside every root, so a reset could not remove it again");
            }
        }
        return new ChapterState(chapter, List.copyOf(roots), List.copyOf(fixtures));
    }

    private static String rest(String[] words, String where) {
        if (words.length < 2) {
            throw new IllegalArgumentException(where + "'" + words[0] + "' needs a value");
        }
        return words[1];
    }

    private static String checkedPath(String path, String where) {
        try {
            PathUtils.validatePath(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "'" + path + "' is not a znode path: " + e.getMessage());
        }
        return path;
    }

    private static String checkedRoot(String path, String where) {
        checkedPath(path, where);
        if (path.equals("/") || isAtOrUnder(path, "/zookeeper")) {
            throw new IllegalArgumentException(where + "'" + path + "' belongs to the server; a chapter root "
                    + "must be a path of its own, such as /crud");
        }
        return path;
    }

    /**
     * True when the path is one of the chapter's roots or lies under one: a path its reset cleans up. The
     * chapters' tests use it to prove that a lesson or demo writes nowhere else.
     */
    public boolean owns(String path) {
        return roots.stream().anyMatch(root -> isAtOrUnder(path, root));
    }

    static boolean isAtOrUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
