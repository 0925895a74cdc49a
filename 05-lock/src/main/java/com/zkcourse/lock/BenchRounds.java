package com.zkcourse.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How {@link LockBench} measures: every kind of cycle in turn, round after round, so that a machine that gets
 * busier slows them all alike; then, for each kind, the median over the rounds and the median of each round's
 * ratio to a baseline measured in the same round.
 */
final class BenchRounds {

    /** One thing measured: each worker runs its cycle in a loop, on a thread of its own. */
    record Kind(String name, List<Callable<?>> workers) {
    }

    private BenchRounds() {
    }

    /** Kind -> its cycles per second in each round. */
    static Map<Kind, double[]> run(List<Kind> kinds, int rounds, int millis) throws Exception {
        Map<Kind, double[]> perSecond = new HashMap<>();
        kinds.forEach(kind -> perSecond.put(kind, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Kind kind : kinds) {
                perSecond.get(kind)[round] = measure(kind.workers(), millis);
            }
        }
        return perSecond;
    }

    /** Runs each cycle in a loop on a thread of its own for {@code millis}; returns the cycles per second, all together. */
    static double measure(List<Callable<?>> cycles, int millis) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(cycles.size());
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
            List<Future<Integer>> counts = new ArrayList<>();
            for (Callable<?> cycle : cycles) {
                counts.add(threads.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < end) {
                        cycle.call();
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

    /** The first kind is the baseline of the ratios. */
    static void table(String title, String unit, String ratio, List<Kind> kinds, Map<Kind, double[]> perSecond) {
        System.out.println(String.format(Locale.ROOT, "%-50s %9s %8s", title, unit, ratio));
        double[] baseline = perSecond.get(kinds.get(0));
        for (Kind kind : kinds) {
            double[] figures = perSecond.get(kind);
            double[] ratios = new double[figures.length];
            for (int round = 0; round < figures.length; round++) {
                ratios[round] = figures[round] / baseline[round];
            }
            System.out.println(String.format(Locale.ROOT, "%-50s %9.0f %8.2f", kind.name(), median(figures), median(ratios)));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

}
