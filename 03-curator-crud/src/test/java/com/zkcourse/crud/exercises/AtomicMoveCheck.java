package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/** Checks exercise 4, {@link AtomicMove}, on a real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class AtomicMoveCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void theNodeMovesWithItsData() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/a/job", "payload".getBytes(UTF_8));
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/b");

        AtomicMove.move(zk.client(), "/e4/a/job", "/e4/b/job");

        assertNull(zk.client().checkExists().forPath("/e4/a/job"), "/e4/a/job is gone after the move");
        assertEquals("payload", new String(zk.client().getData().forPath("/e4/b/job"), UTF_8), "the data of /e4/b/job");
    }

    @Test
    @Order(2)
    void aTargetThatExistsChangesNothing() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/taken/from", "mine".getBytes(UTF_8));
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/taken/to", "theirs".getBytes(UTF_8));

        assertThrows(KeeperException.NodeExistsException.class, () -> AtomicMove.move(zk.client(), "/e4/taken/from", "/e4/taken/to"),
                "moving onto a node that exists fails with NodeExistsException");

        assertEquals("mine", new String(zk.client().getData().forPath("/e4/taken/from"), UTF_8), "/e4/taken/from is untouched");
        assertEquals("theirs", new String(zk.client().getData().forPath("/e4/taken/to"), UTF_8), "/e4/taken/to is untouched");
    }

    @Test
    @Order(3)
    void aChangeAfterTheReadChangesNothing() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/raced/from", "v1".getBytes(UTF_8));
        CuratorFramework interrupted = InterruptedClient.beforeItsFirstWrite(zk.client(),
                () -> zk.other().setData().forPath("/e4/raced/from", "v2".getBytes(UTF_8)));

        assertThrows(KeeperException.BadVersionException.class, () -> AtomicMove.move(interrupted, "/e4/raced/from", "/e4/raced/to"),
                "another client changed /e4/raced/from after the exercise read it: the move fails with BadVersionException");

        assertNull(zk.client().checkExists().forPath("/e4/raced/to"), "/e4/raced/to was not created: all or nothing");
        assertEquals("v2", new String(zk.client().getData().forPath("/e4/raced/from"), UTF_8), "/e4/raced/from keeps the newer data");
    }
}
