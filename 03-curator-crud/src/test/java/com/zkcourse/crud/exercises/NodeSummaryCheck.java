package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckServer;

/** Checks exercise 2, {@link NodeSummary}, on a real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class NodeSummaryCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void dataVersionAndChildren() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e2/app1", "itcast".getBytes(UTF_8));
        zk.client().setData().forPath("/e2/app1", "itheima".getBytes(UTF_8));
        zk.client().setData().forPath("/e2/app1", "itheima".getBytes(UTF_8));
        for (String child : new String[] {"a", "b", "c"}) {
            zk.client().create().forPath("/e2/app1/" + child);
        }
        assertEquals("itheima (dataVersion 2, 3 children)", NodeSummary.summary(zk.client(), "/e2/app1"));
    }

    @Test
    @Order(2)
    void aNodeWithoutData() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e2/empty", null);
        assertEquals("null (dataVersion 0, 0 children)", NodeSummary.summary(zk.client(), "/e2/empty"));
    }

    @Test
    @Order(3)
    void aMissingNode() throws Exception {
        assertEquals("no such node", NodeSummary.summary(zk.client(), "/e2/missing"));
    }
}
