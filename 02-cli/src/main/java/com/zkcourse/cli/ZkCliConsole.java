package com.zkcourse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.slf4j.LoggerFactory;

/**
 * Catches what zkCli prints, so the replay can show it under the command that caused it and the tests can
 * compare it with the lesson.
 *
 * <p>zkCli ({@code org.apache.zookeeper.ZooKeeperMain}) has no output parameter: it prints results to
 * {@code System.out} and errors to {@code System.err}, and each of its commands keeps the streams it found
 * when the ZooKeeperMain class was loaded. So this console replaces both streams once, before zkCli is
 * loaded, with a switch: normally it passes everything through to the real console; during
 * {@link #capture} it collects both streams, in the order they were written, the way a terminal shows them.
 */
final class ZkCliConsole {

    /** Something to run while the console collects; it may throw like zkCli's own calls do. */
    interface Action {
        void run() throws Exception;
    }

    private static final Object LOCK = new Object();
    private static ByteArrayOutputStream collected; // null: pass through to the real console
    private static volatile boolean installed;

    private ZkCliConsole() {
    }

    /**
     * Puts the switch in place of System.out and System.err. Call it before anything loads ZooKeeperMain
     * (the replay does so first thing); calling it again does nothing.
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        // Start the logging now, so log4j's console appender keeps the real System.out: a log line is never
        // mistaken for zkCli output.
        LoggerFactory.getILoggerFactory();
        System.setOut(new PrintStream(new Switch(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Switch(System.err), true, StandardCharsets.UTF_8));
        installed = true;
    }

    /** Runs the action and returns everything printed to System.out and System.err meanwhile. */
    static String capture(Action action) throws Exception {
        return captureResult(() -> {
            action.run();
            return null;
        }).printed();
    }

    /** What a call returned, and everything printed to System.out and System.err while it ran. */
    record Captured<T>(T result, String printed) {
    }

    /** Runs the call and returns its result with everything printed meanwhile. */
    static <T> Captured<T> captureResult(Callable<T> call) throws Exception {
        if (!installed) {
            throw new IllegalStateException("ZkCliConsole.install() must run before zkCli is used");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        synchronized (LOCK) {
            collected = buffer;
        }
        T result;
        try {
            result = call.call();
        } finally {
            synchronized (LOCK) {
                collected = null;
            }
        }
        return new Captured<>(result, buffer.toString(StandardCharsets.UTF_8));
    }

    /** One of the two replaced streams: to the collector while capturing, to the real stream otherwise. */
    private static final class Switch extends OutputStream {

        private final PrintStream real;

        Switch(PrintStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) {
            synchronized (LOCK) {
                if (collected != null) {
                    collected.write(b);
                } else {
                    real.write(b);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (LOCK) {
                if (collected != null) {
                    collected.write(bytes, offset, length);
                } else {
                    real.write(bytes, offset, length);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }
    }
}
