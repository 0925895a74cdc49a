package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * Curator's {@link InterProcessMutex}, with two things made visible: each lock node it creates holds the
 * holder's name (zkCli's {@code get} on a lock node says who it is; plain InterProcessMutex stores the
 * machine's IP address), and the holding thread can ask which lock node is its own, the node a fenced
 * write checks. Both use hooks Curator provides for subclasses; the locking itself is Curator's, unchanged.
 */
final class NamedMutex extends InterProcessMutex {

    private final byte[] holder;

    NamedMutex(CuratorFramework client, String path, String holder) {
        super(client, path);
        this.holder = holder.getBytes(UTF_8);
    }

    @Override
    protected byte[] getLockNodeBytes() {
        return holder;
    }

    /** The calling thread's lock node, such as {@code /lock/12306/mutex/_c_...-lock-0000000003}; null if it holds none. */
    String lockNode() {
        return getLockPath();
    }
}
