package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Exercise 2: read a node's data and its Stat with one call.
 *
 * <p>Return the node's data as text, its dataVersion and its number of children, like
 * {@code itheima (dataVersion 2, 3 children)}; {@code null (dataVersion 0, 0 children)} for a node without
 * data; and {@code no such node} when {@code path} does not exist. Read the data and the Stat together, in one
 * call to the server, so that they belong to the same moment.
 *
 * <p>The chapter's get demo shows the calls ({@code GetDemo}). Check your answer with
 * {@code ./mvnw -q -pl 03-curator-crud -am compile exec:java@check}.
 */
public final class NodeSummary {

    private NodeSummary() {
    }

    public static String summary(CuratorFramework client, String path) throws Exception {
        // TODO: client.getData().storingStatIn(stat).forPath(path) fills stat; a NoNodeException means "no such node"
        throw new UnsupportedOperationException("TODO: client.getData().storingStatIn(stat).forPath(path) fills stat; a NoNodeException means \"no such node\"");
    }
}
