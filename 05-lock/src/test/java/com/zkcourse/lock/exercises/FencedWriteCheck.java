package com.zkcourse.lock.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/**
 * Checks exercise 4, {@link FencedWrite}, on a real server. The lock node stands for the one an
 * InterProcessMutex makes (ephemeral, sequential); deleting it is what the server does when its session ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class FencedWriteCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void whileTheLockIsHeldTheWriteLands() throws Exception {
        String lockNode = lockNode("/e4/held");
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/held/tickets", "10".getBytes(UTF_8));

        FencedWrite.write(zk.client(), lockNode, "/e4/held/tickets", "9".getBytes(UTF_8), 0);

        Stat stat = new Stat();
        assertEquals("9", new String(zk.client().getData().storingStatIn(stat).forPath("/e4/held/tickets"), UTF_8),
                "the data after a write with the lock node there and the version read");
        assertEquals(1, stat.getVersion(), "one write");
    }

    @Test
    @Order(2)
    void onceTheLockNodeIsGoneNothingIsWritten() throws Exception {
        String lockNode = lockNode("/e4/lost");
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/lost/tickets", "10".getBytes(UTF_8));
        zk.client().delete().forPath(lockNode); // what the server does when the holder's session expires

        assertThrows(KeeperException.NoNodeException.class,
                () -> FencedWrite.write(zk.client(), lockNode, "/e4/lost/tickets", "9".getBytes(UTF_8), 0),
                "the holder's lock node is gone: the write fails with NoNodeException");
        assertEquals("10", new String(zk.client().getData().forPath("/e4/lost/tickets"), UTF_8), "the data is unchanged");
    }

    @Test
    @Order(3)
    void aStaleVersionIsRejectedToo() throws Exception {
        String lockNode = lockNode("/e4/stale");
        zk.client().create().creatingParentsIfNeeded().forPath("/e4/stale/tickets", "10".getBytes(UTF_8));
        zk.client().setData().forPath("/e4/stale/tickets", "8".getBytes(UTF_8)); // somebody wrote: version 1

        assertThrows(KeeperException.BadVersionException.class,
                () -> FencedWrite.write(zk.client(), lockNode, "/e4/stale/tickets", "9".getBytes(UTF_8), 0),
                "the tickets were written since version 0 was read: the write fails with BadVersionException");
        assertEquals("8", new String(zk.client().getData().forPath("/e4/stale/tickets"), UTF_8), "the data is unchanged");
    }

    private static String lockNode(String parent) throws Exception {
        return zk.client().create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(parent + "/mutex/lock-");
    }
}
