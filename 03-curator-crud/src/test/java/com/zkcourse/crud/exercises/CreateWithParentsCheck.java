package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/** Checks exercise 1, {@link CreateWithParents}, on a real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class CreateWithParentsCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void aPersistentNodeWithItsMissingParents() throws Exception {
        String made = CreateWithParents.create(zk.client(), "/e1/app/config", "v1", CreateMode.PERSISTENT);

        assertEquals("/e1/app/config", made, "the path create(...) returned");
        Stat stat = new Stat();
        assertEquals("v1", new String(zk.client().getData().storingStatIn(stat).forPath("/e1/app/config"), UTF_8),
                "the data of /e1/app/config");
        assertEquals(0, stat.getEphemeralOwner(), "a PERSISTENT node belongs to no session (ephemeralOwner 0)");
        assertNotNull(zk.client().checkExists().forPath("/e1/app"), "the missing parent /e1/app was created too");
    }

    @Test
    @Order(2)
    void anEphemeralSequentialNode() throws Exception {
        String made = CreateWithParents.create(zk.client(), "/e1/queue/job-", "work", CreateMode.EPHEMERAL_SEQUENTIAL);

        assertTrue(made.matches("/e1/queue/job-\\d{10}"),
                "a sequential node's path is the path asked for plus a 10-digit counter; create(...) returned " + made);
        Stat stat = zk.client().checkExists().forPath(made);
        assertNotNull(stat, made + " exists");
        assertEquals(zk.client().getZookeeperClient().getZooKeeper().getSessionId(), stat.getEphemeralOwner(),
                "an EPHEMERAL node belongs to the session that created it (its ephemeralOwner)");
    }
}
