package com.zkcourse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zkcourse.testing.ChildJvm;

/**
 * A main in a separate JVM whose input the test types, for the type-along zkCli: write lines, wait for
 * output, signal, and see how it ends. Its output and error streams are read together, as a terminal shows
 * them. {@link #close} kills it if it is still running, so no process outlives the test.
 *
 * <p>The JVM starts with Ctrl-C's signal (SIGINT) at its default, as a program started from a terminal has
 * it. A build started in the background of a script ({@code ./mvnw verify &}) has SIGINT ignored, every
 * process it starts inherits that, and a JVM that starts with SIGINT ignored can never catch it: Ctrl-C
 * would then test nothing. {@code env --default-signal=INT} (GNU coreutils) undoes it where it exists.
 */
final class InteractiveJvm implements AutoCloseable {

    private static final List<String> DEFAULT_SIGINT = defaultSigint();

    private final Process process;
    private final OutputStream input;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    /** The main with its input and output on pipes, as an IDE console or a script runs it. */
    InteractiveJvm(List<String> systemProperties, String mainClass, String... args) throws IOException {
        this(withDefaultSigint(ChildJvm.javaCommand(systemProperties, mainClass, args)), mainClass);
    }

    private InteractiveJvm(List<String> command, String mainClass) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        input = process.getOutputStream();
        reader = new Thread(() -> copy(process.getInputStream()), "read-" + mainClass);
        reader.start();
    }

    /**
     * The main on a terminal of its own, as a student runs it: util-linux's {@code script} gives it a
     * pseudo-terminal, so jline edits lines and Ctrl-C (the byte 0x03, {@link #typeCtrlC()}) reaches it the
     * way a keyboard's does, as a SIGINT from the terminal. Linux only.
     */
    static InteractiveJvm onTerminal(List<String> systemProperties, String mainClass, String... args)
            throws IOException {
        String commandLine = ChildJvm.javaCommand(systemProperties, mainClass, args).stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'")
                .reduce((a, b) -> a + " " + b).orElseThrow();
        // -q no banner, -f flush at once, -e exit with the program's status, -c the command; no log file.
        // The terminal gets a size first: one of 0 columns (script's, when its input is not a terminal) makes
        // jline draw its prompt as "...".
        return new InteractiveJvm(withDefaultSigint(List.of("script", "-qfec",
                "stty cols 200 rows 50 && exec " + commandLine, "/dev/null")), mainClass);
    }

    private static List<String> withDefaultSigint(List<String> command) {
        List<String> full = new ArrayList<>(DEFAULT_SIGINT);
        full.addAll(command);
        return full;
    }

    /** {@code env --default-signal=INT} where env knows it (GNU coreutils 8.31 and later), else nothing. */
    private static List<String> defaultSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0
                    ? List.of("env", "--default-signal=INT") : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private void copy(InputStream from) {
        byte[] buffer = new byte[4096];
        try {
            for (int read; (read = from.read(buffer)) >= 0; ) {
                synchronized (output) {
                    output.write(buffer, 0, read);
                    output.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    /** Types a line, as if Enter followed it. */
    void type(String line) throws IOException {
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** Ends the input, like Ctrl-D at the start of a line. */
    void endInput() throws IOException {
        input.close();
    }

    /** Waits until the output contains the text; fails after the timeout, showing the output so far. */
    void awaitOutput(String text, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (output) {
            while (!output.toString(StandardCharsets.UTF_8).contains(text)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no '" + text + "' within " + timeoutSeconds + " s; the output so far:\n"
                            + output.toString(StandardCharsets.UTF_8));
                }
                output.wait(left);
            }
        }
    }

    /** Types Ctrl-C on the terminal of a JVM started {@link #onTerminal}: the terminal turns it into SIGINT. */
    void typeCtrlC() throws IOException {
        input.write(3);
        input.flush();
    }

    /** Sends SIGINT, what Ctrl-C sends. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("could not send SIGINT to " + process.pid());
        }
    }

    /** Waits for the JVM to end and returns its exit code; fails if it runs on past the timeout. */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running " + timeoutSeconds + " s later; the output so far:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
