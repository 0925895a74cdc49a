package com.zkcourse.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zkcourse.tools.CourseFailure;

/**
 * Runs the chapter's shell scripts the way a student types them: echoes the command as {@code $ ...},
 * shows what it prints (stdout and stderr together, as a terminal does) and returns its exit code.
 */
final class Shell {

    /** A command as the student reads it, what it printed and how it ended. */
    record Run(String shown, int exitCode, List<String> output, long millis) {
    }

    private final Path workingDirectory;
    private final PrintStream out;

    Shell(Path workingDirectory, PrintStream out) {
        this.workingDirectory = workingDirectory;
        this.out = out;
    }

    /**
     * Runs {@code command} in the working directory, showing it as {@code shown} (a shorter path for the
     * student to read). A command still running after {@code timeoutSeconds} is killed.
     */
    Run run(String shown, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        out.println("$ " + shown);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        // A ZOOKEEPER_HOME of the student's own must not send the scripts to another installation.
        builder.environment().remove("ZOOKEEPER_HOME");
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        // The output is read on its own thread, so a command that hangs cannot hang the reader too.
        Thread reader = new Thread(() -> echoAndKeep(process, lines), "shell-output");
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            throw new CourseFailure("'" + shown + "' did not finish within " + timeoutSeconds + " s, so it was stopped");
        }
        reader.join();
        return new Run(shown, process.exitValue(), List.copyOf(lines), (System.nanoTime() - start) / 1_000_000);
    }

    private void echoAndKeep(Process process, List<String> lines) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                out.println(line);
                lines.add(line);
            }
        } catch (IOException e) {
            out.println("(could not read the command's output: " + e.getMessage() + ")");
        }
    }
}
