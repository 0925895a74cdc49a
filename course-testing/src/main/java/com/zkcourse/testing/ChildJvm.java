package com.zkcourse.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

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

    /**
     * A main in a test lives seconds: the quick compiler alone and the small collector leave more of the machine's
     * cores to the servers under test than the defaults do (the same flags as surefire's test JVMs).
     */
    public static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

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
        Process process = new ProcessBuilder(javaCommand(systemProperties, mainClass, args))
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

    /**
     * Starts {@code mainClass} and returns while it runs, for a main that keeps listening until Ctrl-C: the
     * test reads its output line by line, then {@linkplain Running#stop() stops} it as Ctrl-C does.
     */
    public static Running start(List<String> systemProperties, String mainClass, String... args) throws IOException {
        return new Running(javaCommand(systemProperties, mainClass, args));
    }

    /**
     * The command line that runs {@code mainClass} in a new JVM with this JVM's java and class path. Two
     * properties go along before the caller's (which may override them): the build's {@code -Dzk.localServer},
     * so a main in a child JVM never looks at what a student runs on 127.0.0.1:2181 either; and, in a chapter's
     * tests, {@code -Dcourse.chapter} as the exec plugin sets it, so a failing main names its chapter as it
     * does for a student.
     */
    public static List<String> javaCommand(List<String> systemProperties, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_JVM);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        String localServer = System.getProperty(CourseServer.LOCAL_SERVER_PROPERTY);
        if (localServer != null) {
            command.add("-D" + CourseServer.LOCAL_SERVER_PROPERTY + "=" + localServer);
        }
        Path here = Path.of("").toAbsolutePath(); // Maven runs a module's tests in the module's directory
        if (Workspace.chapters().contains(here)) {
            command.add("-D" + CourseMain.CHAPTER_PROPERTY + "=" + here.getFileName());
        }
        systemProperties.forEach(property -> command.add("-D" + property));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A main running in a child JVM. Its output is read line by line while it runs; {@link #stop()} sends
     * SIGTERM, on which the JVM runs the same shutdown hooks as on Ctrl-C's SIGINT (a child started in the
     * background ignores SIGINT). The child is always gone after {@link #close()}.
     */
    public static final class Running implements AutoCloseable {

        private static final String END = "\u0000end of output";

        private final Process process;
        private final Path stderr;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private Running(List<String> command) throws IOException {
            stderr = Files.createTempFile("child-jvm", ".err");
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            Thread reader = new Thread(this::readOutput, "read-child-jvm");
            reader.setDaemon(true);
            reader.start();
        }

        private void readOutput() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading the child's output failed: " + e + ")");
            } finally {
                lines.add(END);
            }
        }

        /** The next line the child prints, waiting up to 30 s for it. */
        public String nextLine() throws InterruptedException {
            return nextLine(30);
        }

        /** The next line the child prints, waiting up to {@code seconds} for it. */
        public String nextLine(long seconds) throws InterruptedException {
            String line = lines.poll(seconds, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError((line == null ? "no output within " + seconds + " s" : "the child's output ended")
                        + "; so far: " + seen);
            }
            seen.add(line);
            return line;
        }

        /** Reads lines until one starts with {@code prefix}, and returns it. */
        public String lineStartingWith(String prefix) throws InterruptedException {
            for (String line = nextLine(); ; line = nextLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** The child's process id, for a test that signals it itself (kill -9, kill -STOP). */
        public long pid() {
            return process.pid();
        }

        /** Waits up to {@code timeoutSeconds} for the child to end by itself and returns its exit code. */
        public int waitFor(long timeoutSeconds) throws InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not end within " + timeoutSeconds + " s");
            }
            return process.exitValue();
        }

        /** Stops the child as Ctrl-C would and returns its exit code. */
        public int stop() throws InterruptedException {
            // Process.destroy() would also close our end of the child's output; the handle only sends the signal.
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not stop within 30 s of SIGTERM");
            }
            return process.exitValue();
        }

        /** Every line printed after those already read, once the child has ended. */
        public List<String> remainingLines() throws InterruptedException {
            List<String> rest = new ArrayList<>();
            for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !line.equals(END);
                    line = lines.poll(30, TimeUnit.SECONDS)) {
                rest.add(line);
            }
            return rest;
        }

        public String stderr() throws IOException {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the interrupt for the caller; the child is killed anyway
            }
            Files.deleteIfExists(stderr);
        }
    }
}
