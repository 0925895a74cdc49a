package com.zkcourse.testing.exercises;

import java.nio.file.Path;

/**
 * Where a check finds an exercise that is not a class (a zkCli script): under the root the checks run against.
 * {@link ExerciseRunner} sets it (the student's files, the solutions or fresh starting files); a check run on
 * its own (from an IDE) reads the student's files, {@code src/exercises/} of the chapter it runs in.
 */
public final class ExerciseRoot {

    /** Set by ExerciseRunner for the JVM that runs the checks. */
    public static final String PROPERTY = "exercise.root";

    private ExerciseRoot() {
    }

    /** The file {@code name} (such as {@code zkcli/create-with-parents.zkcli}) under the root. */
    public static Path file(String name) {
        String root = System.getProperty(PROPERTY);
        return (root == null ? Path.of("src", "exercises").toAbsolutePath() : Path.of(root)).resolve(name);
    }
}
