package com.zkcourse.tools.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a separate JVM with this JVM's class path, the way a student runs it, so a test can
 * check what it prints and its exit code (including a {@code System.exit}). The child is always gone when
 * {@link #run} returns: one that outlives its time limit is killed and the test fails.
 */
public final class ChildJvm {

    /** What a finished child printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with the given system properties ({@code "key=value"}) and arguments.
     *
     * @throws AssertionError when the child does not finish within {@code timeoutSeconds}
     */
    public static Result run(long timeoutSeconds, List<String> systemProperties, String mainClass, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        systemProperties.forEach(property -> command.add("-D" + property));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(mainClass + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
