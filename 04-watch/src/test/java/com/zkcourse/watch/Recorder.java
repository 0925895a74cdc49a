package com.zkcourse.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.recipes.cache.ChildData;

/**
 * What a watcher or a listener received, one line per event, for a test to take in order. A listener runs on
 * its own thread; {@link #next} waits for the next event with a generous bound and fails the test if none
 * comes. To prove that a change produced no event, a test makes one more change whose event must be the
 * very next one: ZooKeeper and the caches deliver a client's events in the order of the changes.
 */
final class Recorder {

    static final int WAIT_SECONDS = 20;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    void add(String event) {
        synchronized (all) {
            all.add(event);
        }
        events.add(event);
    }

    /** The next event, waiting up to {@value #WAIT_SECONDS} s for it. */
    String next() throws InterruptedException {
        String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + WAIT_SECONDS + " s; all so far: " + all());
        }
        return event;
    }

    /** Takes the next events and checks they are exactly these, in this order. */
    void expect(String... expected) throws InterruptedException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            got.add(next());
        }
        assertEquals(List.of(expected), got);
    }

    /** Every event recorded so far, taken or not. */
    List<String> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** {@code /a/b=data}, the form the tests compare. */
    static String node(ChildData node) {
        return node == null ? "null" : node.getPath() + "=" + text(node.getData());
    }

    static String text(byte[] data) {
        return data == null ? "null" : new String(data, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
