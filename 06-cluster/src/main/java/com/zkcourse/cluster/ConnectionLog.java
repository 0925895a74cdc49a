package com.zkcourse.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * The connection states Curator reports for a client, with when each came: SUSPENDED when the connection to its
 * server broke, RECONNECTED when it has one again (to any server of the connect string) with the same session,
 * LOST when it gave the session up.
 */
final class ConnectionLog implements ConnectionStateListener {

    record Change(ConnectionState state, long nanos) {
    }

    private final List<Change> changes = new ArrayList<>(); // guarded by this

    @Override
    public synchronized void stateChanged(CuratorFramework client, ConnectionState newState) {
        changes.add(new Change(newState, System.nanoTime()));
        notifyAll();
    }

    /** The changes since {@code nanos}, such as "SUSPENDED after 0.01 s, RECONNECTED after 0.62 s"; "none". */
    synchronized String since(long nanos) {
        List<String> seen = new ArrayList<>();
        for (Change change : changes) {
            if (change.nanos() >= nanos) {
                seen.add(change.state() + " after " + Drill.seconds(change.nanos() - nanos));
            }
        }
        return seen.isEmpty() ? "none" : String.join(", ", seen);
    }

    /**
     * Waits until the last change says the client is connected (or there was none): Curator tells its
     * listeners on a thread of its own, a moment after the connection itself is back.
     */
    synchronized boolean awaitConnected(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!changes.isEmpty() && !changes.get(changes.size() - 1).state().isConnected()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** How many times each state was reported, such as "CONNECTED 1, SUSPENDED 4, RECONNECTED 4, LOST 0". */
    synchronized String counts() {
        List<String> counts = new ArrayList<>();
        for (ConnectionState state : List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED,
                ConnectionState.RECONNECTED, ConnectionState.LOST)) {
            counts.add(String.format(Locale.ROOT, "%s %d", state,
                    changes.stream().filter(change -> change.state() == state).count()));
        }
        return String.join(", ", counts);
    }
}
