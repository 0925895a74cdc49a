package com.zkcourse.lock;

import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

import com.zkcourse.tools.CourseFailure;

/**
 * What a seller knows about its connection, from Curator's connection state listener. A lock is only as good
 * as the session that holds it:
 * <ul>
 *   <li>SUSPENDED: the client lost the server. The session (and the lock node) may still live, or may be
 *       ending: a holder must not act as if it held the lock until it knows which.</li>
 *   <li>RECONNECTED: back, with the same session (the lock is still ours) or, after LOST, a new one.</li>
 *   <li>LOST: the session is gone, and every ephemeral node with it, lock nodes included. Whoever sells
 *       under it now is someone else.</li>
 * </ul>
 */
final class SessionWatch implements ConnectionStateListener {

    /** How long a seller waits for the server to come back before it stops. */
    static final long RECONNECT_WAIT_MS = 60_000;

    private final String seller;
    private final Consumer<String> say;
    private ConnectionState state = ConnectionState.CONNECTED; // added after blockUntilConnected
    private int sessionsLost;

    SessionWatch(String seller, Consumer<String> say) {
        this.seller = seller;
        this.say = say;
    }

    /** Registers a watch on the client's connection (Curator calls it on its own thread). */
    static SessionWatch on(CuratorFramework client, String seller, Consumer<String> say) {
        SessionWatch watch = new SessionWatch(seller, say);
        client.getConnectionStateListenable().addListener(watch);
        return watch;
    }

    @Override
    public synchronized void stateChanged(CuratorFramework client, ConnectionState newState) {
        switch (newState) {
            case SUSPENDED -> say.accept(Seller.padded(seller) + " connection SUSPENDED: no selling until RECONNECTED");
            case LOST -> say.accept(Seller.padded(seller) + " connection LOST: its session ended, and its lock node with it");
            case RECONNECTED -> say.accept(Seller.padded(seller) + " connection RECONNECTED"
                    + (state == ConnectionState.LOST ? " with a new session" : ", same session"));
            default -> { }
        }
        if (newState == ConnectionState.LOST) {
            sessionsLost++;
        }
        state = newState;
        notifyAll();
    }

    /**
     * Waits while the connection is SUSPENDED or LOST (Curator keeps reconnecting), then returns how many
     * sessions were lost so far: a mark for {@link #lostWithin}.
     */
    synchronized int awaitConnected() throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECONNECT_WAIT_MS;
        while (!state.isConnected()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new CourseFailure(seller + ": no connection to the server for " + RECONNECT_WAIT_MS / 1000
                        + " s: is it still running?");
            }
            wait(left);
        }
        return sessionsLost;
    }

    /** Waits until a session has been lost since {@code mark} and the client is connected again, with a new one. */
    synchronized void awaitNewSession(int mark) throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECONNECT_WAIT_MS;
        while (sessionsLost == mark || !state.isConnected()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new CourseFailure(seller + ": no new session within " + RECONNECT_WAIT_MS / 1000 + " s");
            }
            wait(left);
        }
    }

    /** Waits up to {@code millis}, and returns true at once if a session was lost since {@code mark}. */
    synchronized boolean lostWithin(int mark, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (sessionsLost == mark) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
