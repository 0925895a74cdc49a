package com.zkcourse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One ZooKeeper server: a real {@code QuorumPeerMain} process of its own, logging to a file. Each way to take it
 * away is what the original course did by hand, or what happens to real machines:
 * <ul>
 *   <li>{@link #stop()}: SIGTERM, as {@code zkServer.sh stop}: it closes its connections and exits;</li>
 *   <li>{@link #kill()}: SIGKILL ({@code kill -9}), a crash: the kernel closes its sockets at once;</li>
 *   <li>{@link #freeze()}: SIGSTOP, a hung machine or a long pause: its sockets stay open, nothing answers.</li>
 * </ul>
 */
final class ServerProcess {

    /** How long start() waits for the server's first answer to srvr. */
    private static final long START_TIMEOUT_MS = 30_000;

    final Layout.Address address;
    final Path config;
    final Path log;
    private final List<String> command;
    private volatile Process process;

    ServerProcess(Layout.Address address, Path config, Path log, List<String> command) {
        this.address = address;
        this.config = config;
        this.log = log;
        this.command = List.copyOf(command);
    }

    int id() {
        return address.id();
    }

    /**
     * Starts the process and returns once the server answers srvr (serving or not). One that exits during
     * start-up is reported with the line of its log that says why.
     */
    void start() throws IOException, InterruptedException {
        launch();
        awaitAnswer();
    }

    /** Starts the process and returns at once. */
    void launch() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Returns once the launched server answers srvr; a StartFailure if it exits first or stays silent. */
    void awaitAnswer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartFailure(this, process.exitValue());
            }
            if (Status.ask(address, 1_000) != null) {
                return;
            }
            process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if the process ends meanwhile
        }
        kill();
        throw new StartFailure(this, -1);
    }

    /** SIGTERM, as zkServer.sh stop sends; SIGKILL if it has not ended 10 s later. A frozen server is thawed first. */
    void stop() throws InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        thaw(); // a stopped process would not act on SIGTERM until continued
        running.destroy();
        if (!running.waitFor(10, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: the process ends at once, without a word to the other servers; the kernel closes its sockets. */
    void kill() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.destroyForcibly().waitFor();
        }
    }

    /** SIGSTOP: the process stops where it is, holding its sockets open; nothing it does happens until thaw(). */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: it goes on from where it stopped, as if no time had passed. */
    void thaw() {
        try {
            signal("CONT");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not send SIGCONT to server " + id() + ": " + e, e);
        }
    }

    /** Waits up to {@code timeoutMs} for the process to end by itself: its exit code, or empty while it runs on. */
    OptionalInt awaitExit(long timeoutMs) throws InterruptedException {
        Process running = process;
        return running.waitFor(timeoutMs, TimeUnit.MILLISECONDS) ? OptionalInt.of(running.exitValue()) : OptionalInt.empty();
    }

    boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Its status: from its srvr answer, or, when none comes, from its process (not running, frozen, no answer). */
    Status status(int timeoutMs) throws IOException, InterruptedException {
        if (!isRunning()) {
            return new Status(Status.Mode.NOT_RUNNING, -1);
        }
        Status answer = Status.ask(address, timeoutMs);
        if (answer != null) {
            return answer;
        }
        if (!isRunning()) {
            return new Status(Status.Mode.NOT_RUNNING, -1);
        }
        return new Status(isStopped() ? Status.Mode.FROZEN : Status.Mode.NO_ANSWER, -1);
    }

    /** True when the process is stopped (state T), as `ps -o stat= -p PID` shows it on Linux and macOS. */
    private boolean isStopped() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", String.valueOf(pid())).start();
        String state = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ps.waitFor(5, TimeUnit.SECONDS);
        return state.startsWith("T");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(running.pid())).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + running.pid() + " failed");
        }
    }

    @Override
    public String toString() {
        return "server " + id();
    }
}
