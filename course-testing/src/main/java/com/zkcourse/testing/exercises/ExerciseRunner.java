package com.zkcourse.testing.exercises;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.tools.CourseServer;
import com.zkcourse.tools.ExerciseList;
import com.zkcourse.tools.ExerciseList.Exercise;

/**
 * Checks a chapter's exercises as found under one root: the student's files ({@code src/exercises}), the
 * solutions ({@code src/solution}) or freshly made starting files. It compiles the root's Java files together
 * with the checks' sources, then runs the checks in a JVM of their own whose class path puts those classes
 * first; a zkCli script exercise's check reads its script from the root ({@link ExerciseRoot}).
 */
public final class ExerciseRunner {

    /** How long the checks of one chapter may take before they count as hanging. */
    private static final long TIMEOUT_SECONDS = 300;

    /** What became of one exercise. */
    public enum Status { DONE, TO_DO, DOES_NOT_COMPILE }

    /** One exercise's result: its status and, unless done, what the check (or javac) saw. */
    public record Outcome(Exercise exercise, Status status, String saw) {
    }

    private ExerciseRunner() {
    }

    /** Runs every check of {@code list} against the files under {@code root}; {@code work} is a scratch directory. */
    public static List<Outcome> run(ExerciseList list, Path root, Path work) throws IOException, InterruptedException {
        List<Path> classPath = Classpath.current();
        Map<Exercise, String> compileErrors = new LinkedHashMap<>();
        List<Path> compiled = new ArrayList<>();
        Path together = work.resolve("classes");
        if (compile(list, list.exercises(), root, together, classPath) == null) {
            compiled.add(together);
        } else {
            // One exercise that does not compile must not keep the others from being checked.
            for (Exercise exercise : list.exercises()) {
                Path alone = work.resolve("classes-" + exercise.number());
                String error = compile(list, List.of(exercise), root, alone, classPath);
                if (error == null) {
                    compiled.add(alone);
                } else {
                    compileErrors.put(exercise, error);
                }
            }
        }
        List<Exercise> runnable = list.exercises().stream().filter(e -> !compileErrors.containsKey(e)).toList();
        Map<String, String> failures = runnable.isEmpty() ? Map.of() : runChecks(runnable, root, compiled, classPath, work);
        List<Outcome> outcomes = new ArrayList<>();
        for (Exercise exercise : list.exercises()) {
            if (compileErrors.containsKey(exercise)) {
                outcomes.add(new Outcome(exercise, Status.DOES_NOT_COMPILE, compileErrors.get(exercise)));
            } else if (failures.containsKey(exercise.checkClass())) {
                outcomes.add(new Outcome(exercise, Status.TO_DO, failures.get(exercise.checkClass())));
            } else {
                outcomes.add(new Outcome(exercise, Status.DONE, ""));
            }
        }
        return outcomes;
    }

    /** Compiles the exercises' Java files under root with their checks; null, or the first error in one line. */
    private static String compile(ExerciseList list, List<Exercise> exercises, Path root, Path output,
            List<Path> classPath) throws IOException {
        List<Path> sources = new ArrayList<>();
        Path tests = list.chapter().resolve("src").resolve("test").resolve("java");
        for (Exercise exercise : exercises) {
            exercise.files().stream().filter(name -> name.endsWith(".java")).map(root::resolve).forEach(sources::add);
            sources.add(tests.resolve(exercise.checkClass().replace('.', '/') + ".java"));
        }
        Files.createDirectories(output);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // The checks may use the chapter's test helpers: -sourcepath lets javac compile those it needs.
            List<String> options = List.of("-d", output.toString(), "-classpath", Classpath.join(classPath),
                    "-sourcepath", tests.toString(), "-implicit:class", "-encoding", "UTF-8", "-proc:none",
                    "--release", "17", "-nowarn");
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return null;
            }
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .findFirst()
                .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                        + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT).lines().map(String::strip)
                        .limit(2).reduce((a, b) -> a + " (" + b + ")").orElse(""))
                .orElse("javac failed");
    }

    /** The failing check classes, each with the first thing it saw. */
    private static Map<String, String> runChecks(List<Exercise> exercises, Path root, List<Path> compiled,
            List<Path> classPath, Path work) throws IOException, InterruptedException {
        List<Path> childClassPath = new ArrayList<>(compiled); // first: they shadow what the build compiled
        childClassPath.addAll(classPath);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ChildJvm.QUICK_JVM);
        command.addAll(List.of(
                "-cp", Classpath.join(childClassPath),
                "-D" + ExerciseRoot.PROPERTY + "=" + root.toAbsolutePath(),
                "-D" + CourseServer.LOCAL_SERVER_PROPERTY + "=none",
                CheckLauncher.class.getName()));
        exercises.forEach(exercise -> command.add(exercise.checkClass()));
        Path out = work.resolve("checks.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("checks.err").toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the checks did not finish within " + TIMEOUT_SECONDS
                        + " s (see " + work.resolve("checks.err") + ")");
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        try (Stream<String> lines = Files.lines(out, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.startsWith(CheckLauncher.PREFIX))
                    .map(line -> line.substring(CheckLauncher.PREFIX.length()))
                    .forEach(line -> {
                        String[] parts = line.split(" ", 3);
                        if (parts[0].equals("PASS")) {
                            passed.add(parts[1]);
                        } else {
                            failures.putIfAbsent(parts[1], parts.length == 3 ? parts[2] : "failed");
                        }
                    });
        }
        for (Exercise exercise : exercises) {
            if (!passed.contains(exercise.checkClass()) && !failures.containsKey(exercise.checkClass())) {
                failures.put(exercise.checkClass(), "the check " + exercise.checkClass() + " did not run (see "
                        + work.resolve("checks.err") + ")");
            }
        }
        return failures;
    }
}
