package com.zkcourse.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * What the lock costs. Lock cycles (acquire, then release) per second for 1, 2 and 4 clients contending for
 * one InterProcessMutex, beside the floor a lock cycle cannot beat on the same server: the three calls it is
 * made of (create an ephemeral sequential node, getChildren, delete), made with ZooKeeper's own client. Then a
 * fenced sale against a plain one. Each round measures every kind once, in turn, so a machine that gets busier
 * slows them all alike; the medians over the rounds are printed, with each kind's median ratio to its baseline.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@bench   (-Dbench.rounds=10 -Dbench.millis=500)</pre>
 */
public final class LockBench {

    static final String PATH = "/lock/bench";

    /** One thing measured: how many cycles one worker does in a loop. */
    private interface Cycle {
        void run() throws Exception;
    }

    private record Sizes(int rounds, int millis) {
    }

    private LockBench() {
    }

    public static void main(String[] args) {
        CourseMain.run(() -> new Sizes(positiveNumber("bench.rounds", 10), positiveNumber("bench.millis", 500)),
                LockBench::run);
    }

    private static void run(CourseServer server, Sizes sizes) throws Exception {
        List<CuratorFramework> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(Clients.connect(server.connectString(), Clients.SESSION_MS));
            }
            CuratorFramework first = clients.get(0);
            first.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            first.create().creatingParentsIfNeeded().forPath(PATH + "/floor");
            ZooKeeper raw = first.getZookeeperClient().getZooKeeper(); // ZooKeeper's own client, no Curator in between
            Cycle floor = () -> {
                String node = raw.create(PATH + "/floor/lock-", null, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                raw.getChildren(PATH + "/floor", false);
                raw.delete(node, -1);
            };
            List<List<Cycle>> locks = List.of(mutexes(clients, 1), mutexes(clients, 2), mutexes(clients, 4));
            Sale.open(first);
            first.setData().forPath(Sale.TICKETS, Sale.text(Integer.MAX_VALUE)); // a sale that never runs out here
            Seller plain = new Seller("Plain", clients.get(1), Seller.Guard.LOCK, line -> { });
            Seller fenced = new Seller("Fenced", clients.get(2), Seller.Guard.LOCK_AND_FENCE, line -> { });

            String[] names = {"floor: create + getChildren + delete, raw client", "InterProcessMutex, 1 client",
                    "InterProcessMutex, 2 clients contending", "InterProcessMutex, 4 clients contending",
                    "plain sale: lock, read, setData, create", "fenced sale: lock, read, one transaction"};
            double[][] perSecond = new double[names.length][sizes.rounds()];
            measure(List.of(floor), sizes.millis()); // warm-up: connections, JIT, the server's caches
            measure(List.of(plain::sellOne, fenced::sellOne), sizes.millis());
            for (int round = 0; round < sizes.rounds(); round++) {
                perSecond[0][round] = measure(List.of(floor), sizes.millis());
                for (int kind = 0; kind < 3; kind++) {
                    perSecond[kind + 1][round] = measure(locks.get(kind), sizes.millis());
                }
                perSecond[4][round] = measure(List.<Cycle>of(plain::sellOne), sizes.millis());
                perSecond[5][round] = measure(List.<Cycle>of(fenced::sellOne), sizes.millis());
            }

            System.out.println("Median of " + sizes.rounds() + " rounds of " + sizes.millis() + " ms each; fsync on"
                    + " (ZooKeeper's default): cycles per second, and the median of each round's ratio");
            header("lock cycles: acquire + release", "cycles/s", "/ floor");
            for (int kind = 0; kind < 4; kind++) {
                print(names[kind], perSecond[kind], perSecond[0]);
            }
            header("ticket sales, one seller", "sales/s", "/ plain");
            print(names[4], perSecond[4], perSecond[4]);
            print(names[5], perSecond[5], perSecond[4]);
            first.delete().deletingChildrenIfNeeded().forPath(PATH);
            Sale.open(first);
        } finally {
            clients.forEach(CuratorFramework::close);
        }
    }

    /** One InterProcessMutex cycle per client, each client its own session. */
    private static List<Cycle> mutexes(List<CuratorFramework> clients, int count) {
        List<Cycle> cycles = new ArrayList<>();
        for (CuratorFramework client : clients.subList(0, count)) {
            NamedMutex mutex = new NamedMutex(client, PATH + "/mutex", "bench");
            cycles.add(() -> {
                mutex.acquire();
                mutex.release();
            });
        }
        return cycles;
    }

    /** Runs each cycle in a loop on a thread of its own for {@code millis}; returns the cycles per second, all together. */
    private static double measure(List<Cycle> cycles, int millis) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(cycles.size());
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
            List<Future<Integer>> counts = new ArrayList<>();
            for (Cycle cycle : cycles) {
                counts.add(threads.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < end) {
                        cycle.run();
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(millis + 60_000L, TimeUnit.MILLISECONDS);
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void header(String what, String unit, String ratio) {
        System.out.println(String.format(Locale.ROOT, "%-50s %9s %8s", what, unit, ratio));
    }

    private static void print(String name, double[] perSecond, double[] baseline) {
        double[] ratios = new double[perSecond.length];
        for (int round = 0; round < perSecond.length; round++) {
            ratios[round] = perSecond[round] / baseline[round];
        }
        System.out.println(String.format(Locale.ROOT, "%-50s %9.0f %8.2f", name, median(perSecond), median(ratios)));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int positiveNumber(String property, int otherwise) {
        String value = System.getProperty(property);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CourseFailure("bench: -D" + property + "=" + value + " is not a positive whole number (for example -D"
                + property + "=" + otherwise + ")");
    }
}
