package com.zkcourse.cluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.BenchSwitches;
import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * How long a three-server ensemble takes to recover when its leader goes, with the default settings and tuned
 * ones: the time to a new leader (a server answers srvr with "leader") and to the first write a client gets
 * acknowledged, median of several runs, the leader killed (SIGKILL) or frozen (SIGSTOP).
 *
 * <pre>./mvnw -q -pl 06-cluster -am compile exec:java@bench   (-Dbench.runs=5)</pre>
 */
public final class FailoverBench {

    /** Settings on top of the templates', and server JVM flags (ZooKeeper reads some tunables as system properties). */
    record Setup(String name, Map<String, String> settings, List<String> jvmFlags) {
    }

    static final List<Setup> SETUPS = List.of(
            new Setup("defaults (tickTime=2000)", Map.of(), List.of()),
            new Setup("tickTime=200", Map.of("tickTime", "200"), List.of()),
            new Setup("tickTime=200, minNotificationInterval=50", Map.of("tickTime", "200"),
                    List.of("-Dzookeeper.fastleader.minNotificationInterval=50")),
            new Setup("the same, leaderConnectDelayDuringRetryMs=20", Map.of("tickTime", "200"),
                    List.of("-Dzookeeper.fastleader.minNotificationInterval=50",
                            "-Dzookeeper.leaderConnectDelayDuringRetryMs=20")));

    private FailoverBench() {
    }

    public static void main(String[] args) {
        CourseMain.runWithOwnServers(() -> run(System.out, BenchSwitches.positiveNumber("bench.runs", 5), SETUPS));
    }

    static void run(PrintStream out, int runs, List<Setup> setups) throws Exception {
        ChapterOneInstall zk = ChapterOneInstall.ensure(out);
        out.println("Failover of three ZooKeeper " + ChapterOneInstall.version() + " servers on this machine, median of "
                + runs + " run" + (runs == 1 ? "" : "s") + " (fastest-slowest): from taking the leader away to");
        out.println(String.format(Locale.ROOT, "%-46s %-24s %s", "", "a new leader", "the first acknowledged write"));
        List<String> freezeLines = new ArrayList<>();
        out.println("kill -9 the leader");
        for (Setup setup : setups) {
            try (Ensemble ensemble = Ensemble.launch(zk, Ensemble.Spec.of(3)
                    .withSettings(setup.settings()).withJvmFlags(setup.jvmFlags()));
                 CuratorFramework client = ClusterDrill.client(ensemble.layout.connectString())) {
                client.start();
                if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                    throw new CourseFailure("the bench's client found no server within 5 s");
                }
                client.create().forPath(Writer.PARENT);
                try (Writer writer = new Writer(client, 5)) {
                    writer.start();
                    out.println(line(setup, measure(ensemble, writer, runs, false)));
                    freezeLines.add(line(setup, measure(ensemble, writer, runs, true)));
                }
            }
        }
        out.println("SIGSTOP the leader (then SIGCONT)");
        freezeLines.forEach(out::println);
    }

    /** Takes the leader away {@code runs} times, and after each run brings it back and waits until all three serve. */
    private static long[][] measure(Ensemble ensemble, Writer writer, int runs, boolean freeze) throws Exception {
        long[][] nanos = new long[2][runs];
        for (int run = 0; run < runs; run++) {
            ServerProcess leader = ensemble.leader().orElseThrow(() -> new CourseFailure("no leader"));
            List<ServerProcess> others = ensemble.servers().stream().filter(server -> server != leader).toList();
            if (freeze) {
                leader.freeze();
            } else {
                leader.kill();
            }
            long start = System.nanoTime(); // kill() and freeze() return once the signal has been sent
            Ensemble.Seen elected = ensemble.awaitLeader(others, Drill.STEP_TIMEOUT_MS)
                    .orElseThrow(() -> new CourseFailure("no new leader within " + Drill.STEP_TIMEOUT_MS / 1000 + " s"));
            Writer.Write write = writer.awaitFirstSentAfter(start, Writer.Write::acknowledged, Drill.STEP_TIMEOUT_MS)
                    .orElseThrow(() -> new CourseFailure("no write acknowledged within " + Drill.STEP_TIMEOUT_MS / 1000 + " s"));
            nanos[0][run] = elected.nanos() - start;
            nanos[1][run] = write.endedNanos() - start;
            if (freeze) {
                leader.thaw();
            } else {
                leader.start();
            }
            // Back as a follower (a thawed leader answers "leader" until it notices the new one), then a write.
            ensemble.awaitMode(leader, mode -> mode == Status.Mode.FOLLOWER, "rejoin", Drill.STEP_TIMEOUT_MS);
            writer.awaitFirstSentAfter(System.nanoTime(), Writer.Write::acknowledged, Drill.STEP_TIMEOUT_MS);
        }
        return nanos;
    }

    private static String line(Setup setup, long[][] nanos) {
        return String.format(Locale.ROOT, "  %-44s %-24s %s", setup.name(), summary(nanos[0]), summary(nanos[1]));
    }

    /** "0.52 s (0.41-0.77)": the median, then the fastest and the slowest run. */
    static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%.2f s (%.2f-%.2f)", median / 1e9, sorted[0] / 1e9,
                sorted[sorted.length - 1] / 1e9);
    }
}
