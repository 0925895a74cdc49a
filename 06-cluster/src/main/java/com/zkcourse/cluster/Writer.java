package com.zkcourse.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * An application that keeps writing through every experiment: it creates {@code /drill/w-000001},
 * {@code w-000002}, ... one after another, each a moment (50 ms in the drill) after the last has ended, and
 * remembers how each ended: acknowledged by the ensemble, or failed (and with what).
 *
 * <p>An acknowledged create is committed: a majority of the servers wrote it to disk before the answer came.
 * A failed one is not known to be absent: ConnectionLoss means the answer was lost, not the write.
 */
final class Writer implements AutoCloseable {

    static final String PARENT = "/drill";

    /** One create: its number, when it was sent and when it ended, and its failure (null: acknowledged). */
    record Write(int number, long sentNanos, long endedNanos, String failure) {

        boolean acknowledged() {
            return failure == null;
        }

        String path() {
            return path(number);
        }

        static String path(int number) {
            return String.format(Locale.ROOT, "%s/w-%06d", PARENT, number);
        }
    }

    private final CuratorFramework client;
    private final long pauseMs;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread writer = new Thread(runnable, "writer");
        writer.setDaemon(true);
        return writer;
    });
    private final List<Write> writes = new ArrayList<>(); // guarded by this
    private volatile String label = "";

    /** A writer that waits {@code pauseMs} between the end of one write and the next. */
    Writer(CuratorFramework client, long pauseMs) {
        this.client = client;
        this.pauseMs = pauseMs;
    }

    /** Starts writing; each znode's data is the label of the moment (the experiment under way). */
    void start() {
        thread.scheduleWithFixedDelay(this::writeNext, 0, pauseMs, TimeUnit.MILLISECONDS);
    }

    void label(String text) {
        label = text;
    }

    private void writeNext() {
        int number;
        synchronized (this) {
            number = writes.size() + 1;
        }
        long sent = System.nanoTime();
        String failure = null;
        try {
            client.create().forPath(Write.path(number), label.getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException e) {
            failure = e.code().toString();             // such as CONNECTIONLOSS
        } catch (Exception e) {
            failure = e.getClass().getSimpleName();
        }
        synchronized (this) {
            writes.add(new Write(number, sent, System.nanoTime(), failure));
            notifyAll();
        }
    }

    /** The first write sent after {@code nanos} that ended as {@code wanted} says, waiting up to the time limit. */
    synchronized Optional<Write> awaitFirstSentAfter(long nanos, Predicate<Write> wanted, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int checked = 0;
        while (true) {
            for (; checked < writes.size(); checked++) {
                Write write = writes.get(checked);
                if (write.sentNanos() >= nanos && wanted.test(write)) {
                    return Optional.of(write);
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left); // woken by every write that ends
        }
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Stops writing, after the write under way has ended. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt(); // kept for the caller
        }
    }
}
