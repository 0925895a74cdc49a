package com.zkcourse.watch;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.curator.framework.recipes.cache.ChildData;

/**
 * Where the demos' listeners report what they receive, and how a main waits for it.
 *
 * <p>A watch or a cache listener does not run on the main thread: ZooKeeper calls a watcher on its event
 * thread, and a cache calls its listeners on a thread of Curator's. If the main made its next change at once,
 * the events of two changes could print in either order. So the listener prints the event the moment it
 * arrives and drops a note here; the main {@link #await waits} for the events a change must produce before
 * it makes the next change. The output is then the same on every run, and a missing event stops the main
 * with an error that says so instead of a silent hang.
 */
final class EventLog {

    /** How long a main waits for an event before it gives up: generous, events take milliseconds. */
    static final int WAIT_SECONDS = 10;

    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    private final AtomicInteger total = new AtomicInteger();

    /** Called by a watcher or a listener, on its own thread: prints the event under the step that caused it. */
    void record(String event) {
        System.out.println("  " + event);
        total.incrementAndGet();
        arrived.add(event);
    }

    /** Waits until {@code count} more events have arrived (each at most {@value #WAIT_SECONDS} s). */
    void await(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            if (arrived.poll(WAIT_SECONDS, TimeUnit.SECONDS) == null) {
                throw new MissingEventException("no event arrived within " + WAIT_SECONDS + " s; expected "
                        + (count - i) + " more");
            }
        }
    }

    /**
     * The next event a listener put in its own queue, for a main that prints events itself, in an order of its
     * choosing (listeners on different threads could print in either order).
     */
    static String take(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
            throw new MissingEventException("no event arrived within " + WAIT_SECONDS + " s");
        }
        return event;
    }

    /** How many events arrived so far. */
    int total() {
        return total.get();
    }

    /** A node as the demos print it: {@code /app1 = itheima}. */
    static String show(ChildData node) {
        return node.getPath() + " = " + text(node.getData());
    }

    /** Nodes as the demos print them, sorted by path: {@code [/app2 = aaa, /app2/p0 = zero]}. */
    static String show(Stream<ChildData> nodes) {
        return nodes.sorted(Comparator.comparing(ChildData::getPath)).map(EventLog::show).toList().toString();
    }

    /** Node data as text; empty data shows as {@code ""} so it is visible. */
    static String text(byte[] data) {
        if (data == null) {
            return "null";
        }
        return data.length == 0 ? "\"\"" : new String(data, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An event that should have arrived did not. */
    static final class MissingEventException extends IllegalStateException {
        MissingEventException(String message) {
            super(message);
        }
    }
}
