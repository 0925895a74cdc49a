package com.zkcourse.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exercises.txt, the starting files and the reset of a chapter's exercises, on a chapter made up here. */
class ExerciseFilesTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 3, 12, 0, 0);

    @TempDir
    Path chapter;
    private ExerciseList list;

    @BeforeEach
    void aChapterWithTwoExercises() throws Exception {
        write("exercises.txt", """
                # two exercises
                exercise 1 Say hello
                  file  java/x/exercises/Hello.java
                  check x.exercises.HelloCheck
                exercise 2 A script
                  file  zkcli/two.zkcli
                  check x.exercises.TwoCheck
                """);
        write("src/solution/java/x/exercises/Hello.java",
                "class Hello {\n    static String hello() {\n        // SOLUTION BEGIN: return \"hello\"\n"
                        + "        return \"hello\";\n        // SOLUTION END\n    }\n}\n");
        write("src/solution/zkcli/two.zkcli", "# SOLUTION BEGIN: create /two\ncreate /two\n# SOLUTION END\n");
        list = ExerciseList.of(chapter).orElseThrow();
        ExerciseFiles.writeStarters(list, list.studentFiles());
    }

    @Test
    void exercisesAreReadInOrderWithTheirFilesAndChecks() {
        assertEquals(List.of(new ExerciseList.Exercise(1, "Say hello", List.of("java/x/exercises/Hello.java"), "x.exercises.HelloCheck"),
                new ExerciseList.Exercise(2, "A script", List.of("zkcli/two.zkcli"), "x.exercises.TwoCheck")), list.exercises());
        assertEquals("2. A script", list.exercises().get(1).heading());
    }

    @Test
    void aMistakeInExercisesTxtIsNamedWithItsLine() throws Exception {
        write("exercises.txt", "exercise 1 One\n  file java/x/exercises/Hello.java\n  chek x.Y\n");
        assertEquals("exercises.txt line 3: unknown keyword 'chek' (expected exercise, file or check)",
                assertThrows(IllegalArgumentException.class, () -> ExerciseList.of(chapter)).getMessage());
        write("exercises.txt", "exercise 2 Two\n");
        assertEquals("exercises.txt line 1: expected 'exercise 1 <title>' (numbered in order)",
                assertThrows(IllegalArgumentException.class, () -> ExerciseList.of(chapter)).getMessage());
        write("exercises.txt", "exercise 1 One\n  file java/x/Missing.java\n  check x.Y\n");
        assertEquals("exercises.txt: exercise 1 names src/solution/java/x/Missing.java, which does not exist",
                assertThrows(IllegalArgumentException.class, () -> ExerciseList.of(chapter)).getMessage());
    }

    @Test
    void aResetBacksUpTheStudentsWorkByteForByteAndPutsTheStartersBack() throws Exception {
        Path hello = chapter.resolve("src/exercises/java/x/exercises/Hello.java");
        String starter = Files.readString(hello);
        byte[] studentWork = "class Hello { static String hello() { return \"hi ☺\"; } }\n".getBytes(StandardCharsets.UTF_8);
        Files.write(hello, studentWork);

        List<String> done = ExerciseFiles.reset(list, NOON);

        assertEquals(List.of("backed up your 1 changed exercise file to .reset-backups/2026-12-03T12-00-00/ (inside "
                + chapter.getFileName() + ")", "put back the starting files of 2 exercises in src/exercises/"), done);
        assertArrayEquals(studentWork, Files.readAllBytes(
                chapter.resolve(".reset-backups/2026-12-03T12-00-00/java/x/exercises/Hello.java")));
        assertEquals(starter, Files.readString(hello));
        assertTrue(Files.readString(chapter.resolve("src/solution/java/x/exercises/Hello.java")).contains("return \"hello\""),
                "the solution is untouched");
    }

    @Test
    void aSecondResetHasNothingToBackUp() throws Exception {
        Files.writeString(chapter.resolve("src/exercises/zkcli/two.zkcli"), "create /mine\n");
        ExerciseFiles.reset(list, NOON);
        assertEquals(List.of("your exercise files were the starting ones already: nothing to back up",
                "put back the starting files of 2 exercises in src/exercises/"), ExerciseFiles.reset(list, NOON));
        Files.writeString(chapter.resolve("src/exercises/zkcli/two.zkcli"), "create /again\n");
        assertTrue(ExerciseFiles.reset(list, NOON).get(0).contains(".reset-backups/2026-12-03T12-00-00-2/"),
                "a reset within the same second gets a folder of its own");
        assertFalse(Files.readString(chapter.resolve(".reset-backups/2026-12-03T12-00-00/zkcli/two.zkcli")).contains("again"));
    }

    private void write(String name, String content) throws Exception {
        Path file = chapter.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
