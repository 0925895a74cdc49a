package com.zkcourse.lock;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;

/**
 * The chapter's Curator client, the course's convention written out in full (03-curator-crud's connect demo
 * explains each setting). A lock is held by a session, so every contender in this chapter gets a client of
 * its own: two threads on one client would share one session, and die together.
 */
final class Clients {

    /** The course's session timeout, for the demos that do not let a session end. */
    static final int SESSION_MS = 60_000;
    /**
     * A seller's session timeout. A holder that dies or freezes keeps the lock until the server ends its
     * session, so sellers ask for 5 s rather than a minute (the server grants 4 to 40 s with tickTime 2000).
     */
    static final int SELLER_SESSION_MS = 5_000;

    private Clients() {
    }

    static CuratorFramework connect(String connectString, int sessionTimeoutMs) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(5_000)
                // A failed call is retried 3 times, with waits growing from about 1 s.
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build();
        client.start(); // returns at once: Curator connects in the background
        if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) { // a dead server: one line, not a hang
            client.close();
            throw new CourseFailure("no connection to " + connectString + " within 5 s: is the server still running?");
        }
        return client;
    }
}
