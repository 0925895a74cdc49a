package com.zkcourse.lock.exercises;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.testing.CheckClients;

/** A process of its own that increments the exercise's counter: LockedCounterCheck starts two. */
public final class CounterProcess {

    private CounterProcess() {
    }

    /** Arguments: connect string, lock path, counter path, how many increments. */
    public static void main(String[] args) throws Exception {
        try (CuratorFramework client = CheckClients.connected(args[0])) {
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                LockedCounter.increment(client, args[1], args[2]);
            }
        }
    }
}
