package com.zkcourse.watch.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/** Checks exercise 1, {@link NextChange}, on a real server: another client makes the changes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class NextChangeCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void aChangeOfData() throws Exception {
        zk.other().create().creatingParentsIfNeeded().forPath("/e1/data", "v1".getBytes(UTF_8));
        CompletableFuture<EventType> next = NextChange.of(zk.client(), "/e1/data");
        assertFalse(next.isDone(), "nothing changed yet, but the future is complete: " + next);

        zk.other().setData().forPath("/e1/data", "v2".getBytes(UTF_8));

        assertEquals(EventType.NodeDataChanged, next.get(20, TimeUnit.SECONDS), "the event after a setData");
    }

    @Test
    @Order(2)
    void aDelete() throws Exception {
        zk.other().create().creatingParentsIfNeeded().forPath("/e1/gone", "x".getBytes(UTF_8));
        CompletableFuture<EventType> next = NextChange.of(zk.client(), "/e1/gone");

        zk.other().delete().forPath("/e1/gone");

        assertEquals(EventType.NodeDeleted, next.get(20, TimeUnit.SECONDS), "the event after a delete");
    }

    @Test
    @Order(3)
    void aNodeThatDoesNotExistYet() throws Exception {
        CompletableFuture<EventType> next = NextChange.of(zk.client(), "/e1/later");

        zk.other().create().creatingParentsIfNeeded().forPath("/e1/later", "here".getBytes(UTF_8));

        assertEquals(EventType.NodeCreated, next.get(20, TimeUnit.SECONDS),
                "the event when a node that did not exist is created");
    }
}
