package com.zkcourse.cluster.exercises;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.client.FourLetterWordMain;

/**
 * Exercise 2: which server is my client connected to?
 *
 * <p>A client given the whole ensemble ({@code host1:2181,host2:2181,host3:2181}) connects to one server of
 * it, and moves to another when that one dies, in the same session. Return the {@code host:port} (of
 * {@code servers}) that {@code client} is connected to now.
 *
 * <p>Ask the servers: the four-letter word {@code cons} lists a server's connections, each with its session
 * id ({@code sid=0x...}), and the client's own session id is
 * {@code client.getZookeeperClient().getZooKeeper().getSessionId()}. Return null when no server lists it.
 * Check your answer with {@code ./mvnw -q -pl 06-cluster -am compile exec:java@check}.
 */
public final class WhichServer {

    private WhichServer() {
    }

    public static String of(CuratorFramework client, List<String> servers) throws Exception {
        // TODO: look for "sid=0x" + Long.toHexString(sessionId) in each server's answer to FourLetterWordMain.send4LetterWord(host, port, "cons")
        throw new UnsupportedOperationException("TODO: look for \"sid=0x\" + Long.toHexString(sessionId) in each server's answer to FourLetterWordMain.send4LetterWord(host, port, \"cons\")");
    }
}
