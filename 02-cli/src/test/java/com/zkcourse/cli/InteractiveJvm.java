package com.zkcourse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zkcourse.testing.ChildJvm;

/**
 * A main in a separate JVM whose input the test types, for the type-along zkCli: write lines, wait for
 * output, signal, and see how it ends. Its output and error streams are read together, as a terminal shows
 * them. {@link #close} kills it if it is still running, so no process outlives the test.
 */
final class InteractiveJvm implements AutoCloseable {

    private final Process process;
    private final OutputStream input;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    InteractiveJvm(List<String> systemProperties, String mainClass, String... args) throws IOException {
        process = new ProcessBuilder(ChildJvm.javaCommand(systemProperties, mainClass, args))
                .redirectErrorStream(true).start();
        input = process.getOutputStream();
        reader = new Thread(() -> copy(process.getInputStream()), "read-" + mainClass);
        reader.start();
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
