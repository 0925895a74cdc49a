package com.zkcourse.cluster.exercises;

import java.util.List;

import org.apache.zookeeper.client.FourLetterWordMain;

/**
 * Exercise 1: which server leads?
 *
 * <p>{@code servers} lists the ensemble's servers as {@code host:port} (their client ports). Ask each one, the
 * way {@code zkServer.sh status} does, and return the one that says it is the leader; null when none does
 * (an ensemble without a majority has no leader). A server that is down does not answer at all: skip it.
 *
 * <p>Every ZooKeeper server answers the four-letter word {@code srvr} (chapter 01) with lines such as
 * {@code Mode: follower}; ZooKeeper's own client for it is {@code FourLetterWordMain.send4LetterWord(host,
 * port, "srvr")}. Check your answer with {@code ./mvnw -q -pl 06-cluster -am compile exec:java@check}.
 */
public final class Leader {

    private Leader() {
    }

    public static String among(List<String> servers) {
        // TODO: for each host:port, FourLetterWordMain.send4LetterWord(host, port, "srvr"); the leader's answer has a line "Mode: leader"; a dead server throws
        throw new UnsupportedOperationException("TODO: for each host:port, FourLetterWordMain.send4LetterWord(host, port, \"srvr\"); the leader's answer has a line \"Mode: leader\"; a dead server throws");
    }
}
