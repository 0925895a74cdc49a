package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/** The original course's testSet and testSetForVersion, and the ways setData fails. */
class SetTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;  // like the demos': namespace "crud"
    private static CuratorFramework zkCli;   // no namespace, its own session

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.crud(zk.connectString()));
        zkCli = zk.closeAfterAll(Clients.plain(zk.connectString()));
    }

    @Test
    void testSet() throws Exception {
        client.create().forPath("/testSet", "itheima".getBytes(UTF_8));
        Stat returned = client.setData().forPath("/testSet", "itcast".getBytes(UTF_8));

        Stat stat = new Stat();
        assertEquals("itcast", new String(zkCli.getData().storingStatIn(stat).forPath("/crud/testSet"), UTF_8));
        assertEquals(1, stat.getVersion(), "each set adds 1 to dataVersion");
        assertEquals(6, stat.getDataLength());
        assertEquals(stat, returned, "setData returns the node's new Stat");
        assertTrue(stat.getMzxid() > stat.getCzxid());
    }

    @Test
    void testSetForVersion() throws Exception {
        client.create().forPath("/testSetForVersion", "itheima".getBytes(UTF_8));
        client.setData().forPath("/testSetForVersion", "itcast".getBytes(UTF_8));
        Stat stat = new Stat();
        client.getData().storingStatIn(stat).forPath("/testSetForVersion");
        assertEquals(1, stat.getVersion());

        Stat after = client.setData().withVersion(stat.getVersion()).forPath("/testSetForVersion", "hehe".getBytes(UTF_8));

        assertEquals(2, after.getVersion());
        assertEquals("hehe", new String(zkCli.getData().forPath("/crud/testSetForVersion"), UTF_8));
    }

    @Test
    void aStaleVersionFailsWithBadVersionAndChangesNothing() throws Exception {
        client.create().forPath("/set-stale", "itheima".getBytes(UTF_8));
        Stat read = new Stat();
        client.getData().storingStatIn(read).forPath("/set-stale");
        zkCli.setData().forPath("/crud/set-stale", "somebody else".getBytes(UTF_8)); // another session writes

        KeeperException.BadVersionException e = assertThrows(KeeperException.BadVersionException.class,
                () -> client.setData().withVersion(read.getVersion()).forPath("/set-stale", "mine".getBytes(UTF_8)));

        assertEquals("/crud/set-stale", e.getPath());
        Stat now = new Stat();
        assertEquals("somebody else", new String(zkCli.getData().storingStatIn(now).forPath("/crud/set-stale"), UTF_8));
        assertEquals(1, now.getVersion());
    }

    @Test
    void setOnAMissingNodeFailsWithNoNodeAndCreatesNothing() throws Exception {
        KeeperException.NoNodeException e = assertThrows(KeeperException.NoNodeException.class,
                () -> client.setData().forPath("/set-missing", "data".getBytes(UTF_8)));
        assertEquals("/crud/set-missing", e.getPath());
        assertNull(zkCli.checkExists().forPath("/crud/set-missing"));
    }

    @Test
    void dataOverJuteMaxbufferLosesTheConnectionAndChangesNothing() throws Exception {
        client.create().forPath("/set-too-big", "small".getBytes(UTF_8));
        // One retry, to keep it short: each try sends the same megabyte and loses the connection again.
        try (CuratorFramework oneRetry = Clients.connected(Clients.builder(zk.connectString())
                .namespace("crud").retryPolicy(new RetryOneTime(100)).build())) {
            long session = Clients.sessionId(oneRetry);
            byte[] tooBig = new byte[1024 * 1024 + 1];

            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    KeeperException.ConnectionLossException.class,
                    () -> oneRetry.setData().forPath("/set-too-big", tooBig)));

            assertTrue(oneRetry.blockUntilConnected(30, TimeUnit.SECONDS), "the client reconnects");
            assertEquals(session, Clients.sessionId(oneRetry), "a lost connection is not a lost session");
        }
        Stat stat = new Stat();
        assertEquals("small", new String(zkCli.getData().storingStatIn(stat).forPath("/crud/set-too-big"), UTF_8));
        assertEquals(0, stat.getVersion());
    }

    @Test
    void dataJustUnderTheLimitIsAccepted() throws Exception {
        // jute.maxbuffer limits the whole request (data, path and a few bytes of header), not the data alone.
        byte[] large = new byte[1024 * 1024 - 1024];
        client.create().forPath("/set-large");
        Stat stat = client.setData().forPath("/set-large", large);
        assertEquals(large.length, stat.getDataLength());
        client.delete().forPath("/set-large");
    }
}
