package com.zkcourse.watch;

import static com.zkcourse.watch.EventLog.bytes;
import static com.zkcourse.watch.EventLog.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.NodeCache;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.BenchSwitches;
import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * How long a change takes to reach a cache's listener, next to the plain round trip of the change itself.
 * One change at a time: each waits for its event before the next, so a cache never merges two changes.
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java@bench   (-Dbench.changes=1000 -Dbench.warmup=200)</pre>
 */
public final class WatchBench {

    static final String PATH = "/watch/bench";

    /** When the listener saw which data. */
    private record Seen(String data, long nanos) {
    }

    private WatchBench() {
    }

    /** The bench's two switches. */
    private record Sizes(int changes, int warmup) {
    }

    public static void main(String[] args) {
        CourseMain.run(() -> new Sizes(BenchSwitches.positiveNumber("bench.changes", 1000), BenchSwitches.positiveNumber("bench.warmup", 200)),
                WatchBench::run);
    }

    private static void run(CourseServer server, Sizes sizes) throws Exception {
        int changes = sizes.changes();
        int warmup = sizes.warmup();
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                     .connectString(server.connectString())
                     .sessionTimeoutMs(60_000)
                     .connectionTimeoutMs(5_000)
                     // A failed call is retried 3 times, with waits growing from about 1 s.
                     .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                     .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
                throw new CourseFailure("no connection to " + server.connectString() + " within 5 s: is the server still running?");
            }
            client.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            client.create().creatingParentsIfNeeded().forPath(PATH, bytes("start"));

            System.out.println(changes + " changes each, after " + warmup + " warm-up changes; from the call to"
                    + " setData() until the listener has the new data:");
            System.out.println(String.format(Locale.ROOT, "%-24s %10s %10s %16s", "", "p50", "p99", "p50 / setData"));
            long[] roundTrips = setDataRoundTrips(client, warmup, changes);
            long[] nodeCache = nodeCacheLatencies(client, warmup, changes);
            long[] curatorCache = curatorCacheLatencies(client, warmup, changes);
            double base = percentile(roundTrips, 50);
            print("setData() round trip", roundTrips, base);
            print("NodeCache listener", nodeCache, base);
            print("CuratorCache listener", curatorCache, base);
            client.delete().forPath(PATH);
        }
    }

    /** The plain cost of a change: setData() until the server's answer is back. */
    private static long[] setDataRoundTrips(CuratorFramework client, int warmup, int changes) throws Exception {
        long[] nanos = new long[changes];
        for (int i = -warmup; i < changes; i++) {
            long start = System.nanoTime();
            client.setData().forPath(PATH, bytes("rt" + i));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    /** NodeCache is deprecated: measured because the course teaches it (see NodeCacheDemo). */
    @SuppressWarnings("deprecation")
    private static long[] nodeCacheLatencies(CuratorFramework client, int warmup, int changes) throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        try (NodeCache cache = new NodeCache(client, PATH)) {
            cache.getListenable().addListener(() -> {
                ChildData now = cache.getCurrentData();
                seen.add(new Seen(now == null ? null : text(now.getData()), System.nanoTime()));
            });
            cache.start(true);
            return latencies(client, seen, "nc", warmup, changes);
        }
    }

    private static long[] curatorCacheLatencies(CuratorFramework client, int warmup, int changes) throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        try (CuratorCache cache = CuratorCache.build(client, PATH, CuratorCache.Options.SINGLE_NODE_CACHE)) {
            CountDownLatch loaded = new CountDownLatch(1);
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forChanges((before, after) -> seen.add(new Seen(text(after.getData()), System.nanoTime())))
                    .forInitialized(loaded::countDown)
                    .afterInitialized()
                    .build());
            cache.start();
            // Wait until the cache has loaded the node, so the first measured change is a real change.
            if (!loaded.await(EventLog.WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new EventLog.MissingEventException("the CuratorCache did not load " + PATH);
            }
            return latencies(client, seen, "cc", warmup, changes);
        }
    }

    /** Makes each change and waits until the listener has seen exactly that data. */
    private static long[] latencies(CuratorFramework client, BlockingQueue<Seen> seen, String prefix, int warmup,
            int changes) throws Exception {
        long[] nanos = new long[changes];
        for (int i = -warmup; i < changes; i++) {
            String data = prefix + i;
            long start = System.nanoTime();
            client.setData().forPath(PATH, bytes(data));
            Seen event = seen.poll(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
            if (event == null || !data.equals(event.data())) {
                throw new EventLog.MissingEventException("change " + data + ": the listener saw "
                        + (event == null ? "nothing" : event.data()) + " within " + EventLog.WAIT_SECONDS + " s");
            }
            if (i >= 0) {
                nanos[i] = event.nanos() - start;
            }
        }
        return nanos;
    }

    private static void print(String what, long[] nanos, double base) {
        double p50 = percentile(nanos, 50);
        System.out.println(String.format(Locale.ROOT, "%-24s %7.3f ms %7.3f ms %15.2fx", what,
                p50 / 1e6, percentile(nanos, 99) / 1e6, p50 / base));
    }

    /** The nearest-rank percentile, in nanoseconds. */
    static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
