package com.zkcourse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A chapter's shell script run to its end, as a test runs it: how it ended and what it printed on each stream.
 * Each stream goes to a file of its own, so a script that prints much can never block on a full pipe.
 */
public record ScriptRun(int exitCode, String stdout, String stderr) {

    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    public List<String> stderrLines() {
        return stderr.lines().toList();
    }

    /**
     * Runs {@code command} in the test's environment, less a {@code ZOOKEEPER_HOME} of the developer's own (the
     * course's scripts honour it), then changed by {@code environment}. A script still running after 120 s is
     * killed and fails the test.
     */
    public static ScriptRun of(List<String> command, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("ZOOKEEPER_HOME");
        environment.accept(builder.environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new ScriptRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
