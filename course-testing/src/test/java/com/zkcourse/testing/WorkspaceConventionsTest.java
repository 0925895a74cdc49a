package com.zkcourse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The conventions of CONTRIBUTING.md that a student would trip over if one chapter broke them: every command
 * works with only a JDK, and every chapter logs the same way.
 */
class WorkspaceConventionsTest {

    /** A Maven command spelled "mvn ...": it fails where Maven is not installed. "./mvnw" works everywhere. */
    private static final Pattern PLAIN_MVN = Pattern.compile(
            "(?<![./\\w-])mvn\\s+(-|compile|verify|test|package|install|clean|exec:|dependency:)");
    /** "./mvnw ... -pl chapter" without -am fails on a fresh clone: course-tools is in no local repository yet. */
    private static final Pattern ONE_MODULE = Pattern.compile("\\./mvnw[^`\\n]*\\s-pl\\s");

    @Test
    void everyCommandIsSpelledWithTheMavenWrapper() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : filesStudentsRead()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (PLAIN_MVN.matcher(lines.get(i)).find()) {
                    offenders.add(Workspace.root().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), offenders, "write ./mvnw, not mvn: a student may have only a JDK");
    }

    @Test
    void everyOneChapterCommandAlsoMakesWhatTheChapterNeeds() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : filesStudentsRead()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (ONE_MODULE.matcher(line).find() && !line.contains(" -am")) {
                    offenders.add(Workspace.root().relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), offenders, "-pl <chapter> needs -am on a fresh clone");
    }

    @Test
    void everyChapterLogsTheSameWay() throws IOException {
        String convention = Files.readString(Path.of("src/test/resources/log4j.properties"));
        List<Path> chapters = Workspace.chapters();
        assertTrue(chapters.size() >= 4, "chapters found: " + chapters);
        for (Path chapter : chapters) {
            Path file = chapter.resolve("src/main/resources/log4j.properties");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            assertEquals(convention, Files.readString(file), file + " differs from the course's log4j.properties "
                    + "(CONTRIBUTING.md: one logging convention for every chapter)");
        }
    }

    /** READMEs, CONTRIBUTING.md, poms, scripts, lesson files and the chapters' own sources. */
    private static List<Path> filesStudentsRead() throws IOException {
        Path root = Workspace.root();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(path -> {
                        String relative = root.relativize(path).toString();
                        return !relative.startsWith(".git/") && !relative.contains("/target/")
                                && !relative.startsWith("target/") && !relative.contains("/zookeeper/")
                                && !relative.contains("/ensemble/") && !relative.startsWith(".mvn/")
                                && !relative.contains(".reset-backups/");
                    })
                    .filter(path -> path.toString().matches(".*\\.(md|xml|java|sh|txt|cfg|properties)$"))
                    .sorted()
                    .toList();
        }
    }
}
