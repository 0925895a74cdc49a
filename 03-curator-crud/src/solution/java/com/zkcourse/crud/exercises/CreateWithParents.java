package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;

/**
 * Exercise 1: create a node with its parents and a mode.
 *
 * <p>Create the znode {@code path} holding {@code data} (as UTF-8 bytes) in the given mode (PERSISTENT,
 * EPHEMERAL, PERSISTENT_SEQUENTIAL, ...), and every missing parent on the way, with one Curator call. Return the
 * path the server gave the node: for a sequential node it ends with a 10-digit counter.
 *
 * <p>The chapter's create demo shows each part ({@code CreateDemo}). Check your answer with
 * {@code ./mvnw -q -pl 03-curator-crud -am compile exec:java@check}.
 */
public final class CreateWithParents {

    private CreateWithParents() {
    }

    public static String create(CuratorFramework client, String path, String data, CreateMode mode) throws Exception {
        // SOLUTION BEGIN: client.create().creatingParentsIfNeeded().withMode(mode).forPath(path, bytes) returns the path
        return client.create().creatingParentsIfNeeded().withMode(mode).forPath(path, data.getBytes(UTF_8));
        // SOLUTION END
    }
}
