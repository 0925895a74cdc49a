package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zkcourse.testing.LoopbackServer;

/**
 * The original course's testCreate, testCreate2, testCreate3 and testCreate4, and the ways create fails. Each test
 * works under a path of its own (/crud/&lt;test name&gt;), so they run alone and in any order.
 */
class CreateTest {

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
    void testCreate2_withoutDataCuratorStoresTheLocalAddress() throws Exception {
        assertEquals("/testCreate2", client.create().forPath("/testCreate2"));
        byte[] expected = InetAddress.getLocalHost().getHostAddress().getBytes();
        assertArrayEquals(expected, zkCli.getData().forPath("/crud/testCreate2"));
    }

    @Test
    void testCreate2_aBuilderWithEmptyDefaultDataStoresNothing() throws Exception {
        try (CuratorFramework noDefault = Clients.connected(
                Clients.builder(zk.connectString()).namespace("crud").defaultData(new byte[0]).build())) {
            noDefault.create().forPath("/testCreate2-empty");
        }
        Stat stat = new Stat();
        assertArrayEquals(new byte[0], zkCli.getData().storingStatIn(stat).forPath("/crud/testCreate2-empty"));
        assertEquals(0, stat.getDataLength());
    }

    @Test
    void testCreate_withData() throws Exception {
        assertEquals("/testCreate", client.create().forPath("/testCreate", "hehe".getBytes(UTF_8)));
        Stat stat = new Stat();
        assertEquals("hehe", new String(zkCli.getData().storingStatIn(stat).forPath("/crud/testCreate"), UTF_8));
        assertEquals(0, stat.getVersion());
        assertEquals(4, stat.getDataLength());
        assertEquals(0, stat.getEphemeralOwner(), "a node is persistent unless a mode says otherwise");
    }

    @Test
    void testCreate3_anEphemeralNodeBelongsToTheSessionAndGoesWithIt() throws Exception {
        client.create().forPath("/testCreate3");
        client.create().forPath("/testCreate3/persistent");
        CountDownLatch deleted = new CountDownLatch(1);
        try (CuratorFramework owner = Clients.crud(zk.connectString())) {
            owner.create().withMode(CreateMode.EPHEMERAL).forPath("/testCreate3/app3");
            Stat stat = zkCli.checkExists().forPath("/crud/testCreate3/app3");
            assertEquals(Clients.sessionId(owner), stat.getEphemeralOwner());

            // zkCli's session watches the node, so the test learns of its deletion without polling.
            zkCli.checkExists().usingWatcher((Watcher) event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                    deleted.countDown();
                }
            }).forPath("/crud/testCreate3/app3");
        }
        assertTrue(deleted.await(30, TimeUnit.SECONDS), "the ephemeral node outlived its session");
        assertNull(zkCli.checkExists().forPath("/crud/testCreate3/app3"));
        assertEquals(List.of("persistent"), zkCli.getChildren().forPath("/crud/testCreate3"));
    }

    @Test
    void testCreate3_sequentialNodesGetAGrowingTenDigitCounter() throws Exception {
        client.create().forPath("/testCreate3-seq");
        String first = client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath("/testCreate3-seq/seq-");
        String second = client.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath("/testCreate3-seq/seq-");
        assertTrue(first.matches("/testCreate3-seq/seq-\\d{10}"), first);
        assertTrue(second.matches("/testCreate3-seq/seq-\\d{10}"), second);
        assertTrue(second.compareTo(first) > 0, first + " then " + second);
        assertEquals(0, zkCli.checkExists().forPath("/crud" + first).getEphemeralOwner());
        assertEquals(Clients.sessionId(client), zkCli.checkExists().forPath("/crud" + second).getEphemeralOwner());
    }

    @Test
    void testCreate4_creatingParentsIfNeeded() throws Exception {
        assertThrows(KeeperException.NoNodeException.class, () -> client.create().forPath("/testCreate4/app4/p1"));
        assertEquals("/testCreate4/app4/p1",
                client.create().creatingParentsIfNeeded().forPath("/testCreate4/app4/p1", "p".getBytes(UTF_8)));
        assertEquals(List.of("p1"), zkCli.getChildren().forPath("/crud/testCreate4/app4"));
        assertArrayEquals(new byte[0], zkCli.getData().forPath("/crud/testCreate4/app4"), "a parent gets no data");
        assertArrayEquals("p".getBytes(UTF_8), zkCli.getData().forPath("/crud/testCreate4/app4/p1"));
    }

    @Test
    void createOnAnExistingNodeFailsWithNodeExistsAndChangesNothing() throws Exception {
        client.create().forPath("/create-exists", "first".getBytes(UTF_8));
        KeeperException.NodeExistsException e = assertThrows(KeeperException.NodeExistsException.class,
                () -> client.create().forPath("/create-exists", "second".getBytes(UTF_8)));
        assertEquals("/crud/create-exists", e.getPath());
        Stat stat = new Stat();
        assertEquals("first", new String(zkCli.getData().storingStatIn(stat).forPath("/crud/create-exists"), UTF_8));
        assertEquals(0, stat.getVersion());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "app5      | Path must start with / character",
        "/app5/    | Path must not end with / character",
        "/app5//p1 | Invalid path string \"/app5//p1\" caused by empty node name specified @6",
        "/app5/./x | Invalid path string \"/app5/./x\" caused by relative paths not allowed @6"})
    void anInvalidPathFailsWithIllegalArgumentBeforeAnythingIsSent(String path, String message) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.create().forPath(path));
        assertEquals(message, e.getMessage());
        assertNull(zkCli.checkExists().forPath("/crud/app5"), "nothing reached the server");
    }

    @Test
    void aNamespaceIsNotAPath() {
        // The namespace is checked when the client is built: "/" + namespace must be a valid path.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clients.builder(zk.connectString()).namespace("crud/").build());
        assertTrue(e.getMessage().startsWith("Invalid namespace: crud/"), e.getMessage());
    }
}
