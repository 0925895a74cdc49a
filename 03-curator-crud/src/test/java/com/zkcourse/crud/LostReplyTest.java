package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.SetDataBuilder;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * Writes whose answer is lost, beyond what the lost-reply demo shows: a plain ephemeral create, and idempotent()
 * after a lost answer. The demo's lossy client loses every answer over 80 bytes, after the server did the work.
 */
class LostReplyTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;  // like the demos': namespace "crud"
    private static CuratorFramework lossy;   // LostReplyDemo's: no namespace, loses long answers

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.crud(zk.connectString()));
        lossy = zk.closeAfterAll(LostReplyDemo.lossyClient(zk.connectString()));
    }

    /** The leader-election trap: "somebody else has the node" when it is this very session's. */
    @Test
    void anEphemeralCreateWhoseAnswerIsLostFailsWithNodeExistsOnItsOwnNode() throws Exception {
        client.create().forPath("/lost-ephemeral");
        assertThrows(KeeperException.NodeExistsException.class,
                () -> lossy.create().withMode(CreateMode.EPHEMERAL).forPath("/crud/lost-ephemeral/leader"));
        Stat stat = client.checkExists().forPath("/lost-ephemeral/leader");
        assertEquals(Clients.sessionId(lossy), stat.getEphemeralOwner(), "the node that \"exists\" is its own");
    }

    @Test
    void withProtectionTheRetryFindsTheNodeItsFirstTryMade() throws Exception {
        client.create().forPath("/lost-protected");
        String path = lossy.create().withProtection().withMode(CreateMode.EPHEMERAL).forPath("/crud/lost-protected/leader");

        List<String> children = client.getChildren().forPath("/lost-protected");
        assertEquals(1, children.size(), "one node, not one per try: " + children);
        assertEquals("/crud/lost-protected/" + children.get(0), path);
        assertTrue(children.get(0).matches("_c_[0-9a-f-]{36}-leader"), children.get(0));
    }

    /**
     * A lost answer needs the lossy client, which cannot read the answer to idempotent()'s own check (it carries
     * the data and a Stat); here Curator's own fault injection, the one its tests use, loses the answer instead:
     * the setData reaches the server, then the call fails with ConnectionLoss and is retried.
     */
    @Test
    void idempotentTurnsTheRetryOfAWriteThatHappenedIntoSuccess() throws Exception {
        client.create().forPath("/lost-idempotent", "itheima".getBytes(UTF_8));
        SetDataBuilder setData = client.setData();
        loseTheNextAnswer(setData);

        Stat stat = setData.idempotent().withVersion(0).forPath("/lost-idempotent", "mine".getBytes(UTF_8));

        assertEquals(1, stat.getVersion(), "one write: version 0 -> 1, and the retry counted it as done");
        assertEquals("mine", new String(client.getData().forPath("/lost-idempotent"), UTF_8));
    }

    @Test
    void withoutIdempotentTheSameRetryFailsWithBadVersion() throws Exception {
        client.create().forPath("/lost-not-idempotent", "itheima".getBytes(UTF_8));
        SetDataBuilder setData = client.setData();
        loseTheNextAnswer(setData);

        assertThrows(KeeperException.BadVersionException.class,
                () -> setData.withVersion(0).forPath("/lost-not-idempotent", "mine".getBytes(UTF_8)));
        assertEquals("mine", new String(client.getData().forPath("/lost-not-idempotent"), UTF_8), "yet it happened");
    }

    /** Curator's SetDataBuilderImpl.failNextSetForTesting: after the next setData succeeds, throw ConnectionLoss. */
    private static void loseTheNextAnswer(SetDataBuilder setData) throws ReflectiveOperationException {
        Field hook = setData.getClass().getDeclaredField("failNextSetForTesting");
        hook.setAccessible(true);
        hook.setBoolean(setData, true);
    }
}
