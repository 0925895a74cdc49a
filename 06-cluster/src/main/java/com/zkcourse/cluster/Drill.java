package com.zkcourse.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zkcourse.tools.CourseFailure;

/**
 * What every experiment of {@link ClusterDrill} does after its one action: wait until the ensemble has settled,
 * then print what the client saw, the servers' modes (from their own srvr answers), who leads, and whether a
 * client can write, with the times that took.
 */
final class Drill {

    /** The longest any step may take before the drill calls it a failure (the slowest, a frozen leader, needs ~11 s). */
    static final long STEP_TIMEOUT_MS = 60_000;

    final PrintStream out;
    final Ensemble ensemble;
    final ConnectionLog connections = new ConnectionLog();
    private Writer writer;

    Drill(PrintStream out, Ensemble ensemble) {
        this.out = out;
        this.ensemble = ensemble;
    }

    void writeWith(Writer writer) {
        this.writer = writer;
    }

    /** Prints the experiment's title and labels the writes made from now on; returns the moment it starts. */
    long begin(String title, String label) {
        out.println();
        out.println(title);
        writer.label(label);
        return System.nanoTime();
    }

    /** The leader, once one of {@code candidates} answers leader; a CourseFailure if none does in time. */
    Ensemble.Seen awaitLeader(List<ServerProcess> candidates) throws IOException, InterruptedException {
        return ensemble.awaitLeader(candidates, STEP_TIMEOUT_MS).orElseThrow(() -> new CourseFailure(
                "no leader among " + candidates + " within " + STEP_TIMEOUT_MS / 1000 + " s"));
    }

    /** Waits until the server answers "not serving", and returns when that was seen. */
    long awaitNotServing(ServerProcess server) throws IOException, InterruptedException {
        ensemble.awaitMode(server, mode -> mode == Status.Mode.NOT_SERVING, "stop serving", STEP_TIMEOUT_MS);
        return System.nanoTime();
    }

    /** The first write sent after {@code since} that the ensemble acknowledged. */
    Writer.Write awaitAcknowledgedWrite(long since) throws InterruptedException {
        Writer.Write write = writer.awaitFirstSentAfter(since, Writer.Write::acknowledged, STEP_TIMEOUT_MS)
                .orElseThrow(() -> new CourseFailure("no write was acknowledged within " + STEP_TIMEOUT_MS / 1000
                        + " s: the ensemble did not recover"));
        connections.awaitConnected(5_000);
        return write;
    }

    /** The first write sent after {@code since}, however it ended. */
    Writer.Write awaitAnyWrite(long since) throws InterruptedException {
        return writer.awaitFirstSentAfter(since, write -> true, STEP_TIMEOUT_MS)
                .orElseThrow(() -> new CourseFailure("a write hung for " + STEP_TIMEOUT_MS / 1000 + " s"));
    }

    /** What the client saw since the action, the servers' modes, then the experiment's lines. */
    void report(long since, String... lines) throws IOException, InterruptedException {
        out.println("  client: " + connections.since(since));
        table();
        for (String line : lines) {
            out.println("  " + line);
        }
    }

    /** One row per server: its client address and what it answers to srvr (or why it cannot). */
    void table() throws IOException, InterruptedException {
        for (Map.Entry<ServerProcess, Status> row : ensemble.statuses().entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-9s %-20s %s", row.getKey(), row.getKey().address.client(),
                    row.getValue().describe()));
        }
    }

    /** "acknowledged 0.03 s after the stop (w-000012)". */
    static String acknowledged(Writer.Write write, long since, String what) {
        return "acknowledged " + seconds(write.endedNanos() - since) + " after " + what + " ("
                + write.path().substring(Writer.PARENT.length() + 1) + ")";
    }

    /** The epoch the server's latest zxid says it is in. */
    static long epochOf(ServerProcess server) throws IOException, InterruptedException {
        return server.status(500).epoch();
    }

    /** Nanoseconds as seconds, such as "0.45 s". */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
