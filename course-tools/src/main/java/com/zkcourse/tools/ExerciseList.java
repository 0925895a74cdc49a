package com.zkcourse.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chapter's exercises, declared in its {@code exercises.txt} (data, not code):
 *
 * <pre>
 * # the chapter's exercises, easiest first
 * exercise 1 Create a node with its parents and a mode
 *   file  java/com/zkcourse/crud/exercises/CreateWithParents.java
 *   check com.zkcourse.crud.exercises.CreateWithParentsCheck
 * </pre>
 *
 * A {@code file} is relative to {@code src/solution/} (the reference solution, the single source of truth) and
 * to {@code src/exercises/} (the student's file, generated from it). An exercise may have several files; its
 * {@code check} is a JUnit class of the chapter's tests that passes for a correct answer.
 */
public record ExerciseList(Path chapter, List<Exercise> exercises) {

    public static final String FILE_NAME = "exercises.txt";

    /** One exercise: its number, its title, its files (relative to a root) and the class that checks it. */
    public record Exercise(int number, String title, List<String> files, String checkClass) {

        /** Such as {@code 2. A versioned update that retries on a stale version}. */
        public String heading() {
            return number + ". " + title;
        }
    }

    /** Where the reference solutions are. */
    public Path solutions() {
        return chapter.resolve("src").resolve("solution");
    }

    /** Where the student's files are: the starting files until the student edits them. */
    public Path studentFiles() {
        return chapter.resolve("src").resolve("exercises");
    }

    /** Every file of every exercise, in order. */
    public List<String> allFiles() {
        return exercises.stream().flatMap(exercise -> exercise.files().stream()).toList();
    }

    /** The chapter's exercises, or empty when it has none (no exercises.txt). */
    public static Optional<ExerciseList> of(Path chapter) throws IOException {
        Path file = chapter.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(read(chapter, file)) : Optional.empty();
    }

    /** An exercise while its lines are read. */
    private static final class Draft {
        final int number;
        final String title;
        final List<String> files = new ArrayList<>();
        String check;

        Draft(int number, String title) {
            this.number = number;
            this.title = title;
        }
    }

    private static ExerciseList read(Path chapter, Path file) throws IOException {
        List<Draft> drafts = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = FILE_NAME + " line " + (i + 1) + ": ";
            String[] words = line.split("\\s+", 2);
            if (words[0].equals("exercise")) {
                String[] numberAndTitle = value(words, where).split("\\s+", 2);
                if (numberAndTitle.length < 2) {
                    throw new IllegalArgumentException(where + "an exercise needs a title: exercise N Title");
                }
                drafts.add(new Draft(parseNumber(numberAndTitle[0], drafts.size() + 1, where), numberAndTitle[1]));
                continue;
            }
            if (drafts.isEmpty()) {
                throw new IllegalArgumentException(where + "'" + words[0] + "' before the first 'exercise' line");
            }
            Draft current = drafts.get(drafts.size() - 1);
            switch (words[0]) {
                case "file" -> current.files.add(value(words, where));
                case "check" -> current.check = value(words, where);
                default -> throw new IllegalArgumentException(where + "unknown keyword '" + words[0]
                        + "' (expected exercise, file or check)");
            }
        }
        if (drafts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no 'exercise' lines");
        }
        List<Exercise> exercises = new ArrayList<>();
        for (Draft draft : drafts) {
            exercises.add(complete(draft, chapter));
        }
        return new ExerciseList(chapter, List.copyOf(exercises));
    }

    private static Exercise complete(Draft draft, Path chapter) {
        String which = FILE_NAME + ": exercise " + draft.number + " ";
        if (draft.files.isEmpty() || draft.check == null) {
            throw new IllegalArgumentException(which + "needs at least one 'file' line and a 'check' line");
        }
        for (String name : draft.files) {
            if (!Files.isRegularFile(chapter.resolve("src").resolve("solution").resolve(name))) {
                throw new IllegalArgumentException(which + "names src/solution/" + name + ", which does not exist");
            }
        }
        return new Exercise(draft.number, draft.title, List.copyOf(draft.files), draft.check);
    }

    private static int parseNumber(String text, int expected, String where) {
        try {
            int number = Integer.parseInt(text);
            if (number == expected) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + "expected 'exercise " + expected + " <title>' (numbered in order)");
    }

    private static String value(String[] words, String where) {
        if (words.length < 2 || words[1].isBlank()) {
            throw new IllegalArgumentException(where + "'" + words[0] + "' needs a value");
        }
        return words[1].strip();
    }
}
