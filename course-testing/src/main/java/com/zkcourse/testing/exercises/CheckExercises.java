package com.zkcourse.testing.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.zkcourse.tools.Directories;
import com.zkcourse.tools.ExerciseList;
import com.zkcourse.tools.ExerciseList.Exercise;
import com.zkcourse.tools.StarterGenerator;

/**
 * The main behind {@code exec:java@check} (one chapter, in detail) and {@code exec:java@progress} (every
 * chapter, one line per exercise): runs the chapter's checks against the student's own files in
 * {@code src/exercises/} and says, for each exercise, done or to do, with the hint and what the check saw.
 *
 * <pre>
 * ./mvnw -q -pl 03-curator-crud -am compile exec:java@check
 * ./mvnw -q compile exec:java@progress
 * </pre>
 */
public final class CheckExercises {

    private CheckExercises() {
    }

    /** Arguments: the chapter directory, then {@code --progress} for the short form. */
    public static void main(String[] args) throws Exception {
        Path chapter = Path.of(args[0]).toAbsolutePath().normalize();
        boolean progress = args.length > 1 && args[1].equals("--progress");
        String name = chapter.getFileName().toString();
        Optional<ExerciseList> exercises;
        try {
            exercises = ExerciseList.of(chapter);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (exercises.isEmpty()) {
            System.out.println(name + ": no exercises in this chapter" + (progress ? "" : "; they start in 02-cli."));
            return;
        }
        List<ExerciseRunner.Outcome> outcomes = check(exercises.get());
        long done = outcomes.stream().filter(o -> o.status() == ExerciseRunner.Status.DONE).count();
        String checkCommand = "./mvnw -q -pl " + name + " -am compile exec:java@check";
        String resetCommand = "./mvnw -q -pl " + name + " -am compile exec:java@reset";
        if (progress) {
            System.out.println(name + ": " + done + " of " + outcomes.size() + " exercises done");
            outcomes.forEach(o -> System.out.println("  " + mark(o) + " " + o.exercise().heading()));
            System.out.println("  check: " + checkCommand);
            System.out.println("  reset: " + resetCommand + "   (backs up your files first)");
            return;
        }
        System.out.println(name + ": your exercises, checked against your files in src/exercises/");
        for (ExerciseRunner.Outcome outcome : outcomes) {
            System.out.println();
            System.out.println(mark(outcome) + " " + outcome.exercise().heading() + "   ("
                    + String.join(", ", outcome.exercise().files().stream()
                            .map(file -> "src/exercises/" + file).toList()) + ")");
            if (outcome.status() != ExerciseRunner.Status.DONE) {
                for (String hint : hints(exercises.get(), outcome.exercise())) {
                    System.out.println("        hint: " + hint);
                }
                System.out.println("        saw:  " + outcome.saw());
            }
        }
        System.out.println();
        System.out.println(done + " of " + outcomes.size() + " done. Check again: " + checkCommand);
        System.out.println("Start the chapter's exercises over: " + resetCommand + "   (backs up your files first)");
        if (done < outcomes.size()) {
            System.exit(1);
        }
    }

    private static List<ExerciseRunner.Outcome> check(ExerciseList exercises) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("zk-course-check");
        try {
            return ExerciseRunner.run(exercises, exercises.studentFiles(), work);
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    private static String mark(ExerciseRunner.Outcome outcome) {
        return switch (outcome.status()) {
            case DONE -> "[done] ";
            case TO_DO -> "[to do]";
            case DOES_NOT_COMPILE -> "[does not compile]";
        };
    }

    /** The hints of the exercise's marked regions, from its solution. */
    static List<String> hints(ExerciseList list, Exercise exercise) throws IOException {
        return exercise.files().stream().flatMap(file -> {
            try {
                String solution = Files.readString(list.solutions().resolve(file), StandardCharsets.UTF_8);
                return StarterGenerator.regionsOf(solution).stream().map(StarterGenerator.Region::hint);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
