package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.api.CuratorEventType;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.cli.StatPrinter;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/** The original course's testGet1, testGet2 and testGet3, and reading a node that is not there. */
class GetTest {

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
    void testGet1_theData() throws Exception {
        zkCli.create().creatingParentsIfNeeded().forPath("/crud/testGet1", "itheima".getBytes(UTF_8));
        assertEquals("itheima", new String(client.getData().forPath("/testGet1"), UTF_8));
    }

    @Test
    void testGet2_theChildrenAreNamesNotPaths() throws Exception {
        for (String child : List.of("app2", "app1", "app4")) {
            zkCli.create().creatingParentsIfNeeded().forPath("/crud/testGet2/" + child);
        }
        zkCli.create().forPath("/crud/testGet2/app4/p1");
        // The server returns children in no particular order: compare them as a set.
        assertEquals(new TreeSet<>(List.of("app1", "app2", "app4")),
                new TreeSet<>(client.getChildren().forPath("/testGet2")));
        assertEquals(List.of("p1"), client.getChildren().forPath("/testGet2/app4"), "children, not grandchildren");
        assertTrue(client.getChildren().forPath("/").contains("testGet2"), "\"/\" is the namespace's node, /crud");
    }

    @Test
    void testGet3_storingStatInFillsTheStat() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/testGet3/app1", "itheima".getBytes(UTF_8));
        Stat stat = new Stat();
        assertEquals("0,0,0,0,0,0,0,0,0,0,0", stat.toString().strip(), "a new Stat is all zeros");

        byte[] data = client.getData().storingStatIn(stat).forPath("/testGet3/app1");

        assertEquals("itheima", new String(data, UTF_8));
        assertEquals(7, stat.getDataLength());
        assertEquals(0, stat.getVersion(), "dataVersion: never set since it was created");
        assertEquals(0, stat.getCversion());
        assertEquals(0, stat.getAversion());
        assertEquals(0, stat.getNumChildren());
        assertEquals(0, stat.getEphemeralOwner(), "persistent");
        assertEquals(stat.getCzxid(), stat.getMzxid(), "created and last set by the same transaction");
        assertEquals(stat.getCtime(), stat.getMtime());
        assertTrue(stat.getCzxid() > 0);
        // The same Stat as the server gives anybody else.
        assertEquals(zkCli.checkExists().forPath("/crud/testGet3/app1"), stat);
    }

    @Test
    void testGet3_theParentsStatCountsItsChildren() throws Exception {
        client.create().forPath("/testGet3-parent");
        Stat before = client.checkExists().forPath("/testGet3-parent");
        client.create().forPath("/testGet3-parent/p1");
        client.create().forPath("/testGet3-parent/p2");
        client.delete().forPath("/testGet3-parent/p1");
        Stat after = new Stat();
        client.getChildren().storingStatIn(after).forPath("/testGet3-parent");

        assertEquals(1, after.getNumChildren());
        assertEquals(3, after.getCversion(), "two children added, one removed");
        assertEquals(0, after.getVersion(), "its own data never changed");
        assertTrue(after.getPzxid() > before.getPzxid(), "pZxid: the last change to its children");
        assertEquals(before.getMzxid(), after.getMzxid());
    }

    @Test
    void theStatIsPrintedExactlyAsZkCliPrintsIt() throws Exception {
        client.create().forPath("/stat-lines", "x".getBytes(UTF_8));
        Stat stat = client.checkExists().forPath("/stat-lines");
        ByteArrayOutputStream zkCliOutput = new ByteArrayOutputStream();
        new StatPrinter(new PrintStream(zkCliOutput, true, UTF_8)).print(stat);
        assertEquals(zkCliOutput.toString(UTF_8).lines().toList(), StatLines.of(stat));
    }

    @Test
    void getOnAMissingNodeFailsWithNoNodeAndCheckExistsAnswersNull() throws Exception {
        KeeperException.NoNodeException e = assertThrows(KeeperException.NoNodeException.class,
                () -> client.getData().forPath("/get-missing"));
        assertEquals("/crud/get-missing", e.getPath());
        assertThrows(KeeperException.NoNodeException.class, () -> client.getChildren().forPath("/get-missing"));
        assertNull(client.checkExists().forPath("/get-missing"));
        assertNull(zkCli.checkExists().forPath("/crud/get-missing"), "reading created nothing");
    }

    /** The notes: unless told otherwise, create() gives a node world:anyone:cdrwa, and any session may do anything to it. */
    @Test
    void everyNodeIsOpenToAnyoneUnlessCreatedWithAnotherAcl() throws Exception {
        client.create().forPath("/acl-default", "mine".getBytes(UTF_8));
        List<ACL> acl = client.getACL().forPath("/acl-default");
        assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("world", "anyone"))), acl);
        assertEquals(ZooDefs.Ids.OPEN_ACL_UNSAFE, acl);
        assertEquals("cdrwa", ZKUtil.getPermString(acl.get(0).getPerms()));

        // Another session, with no credentials at all: create and delete a child, read, write, set the ACL.
        zkCli.create().forPath("/crud/acl-default/child");
        zkCli.delete().forPath("/crud/acl-default/child");
        assertEquals("mine", new String(zkCli.getData().forPath("/crud/acl-default"), UTF_8));
        zkCli.setData().forPath("/crud/acl-default", "anyone's".getBytes(UTF_8));
        zkCli.setACL().withACL(ZooDefs.Ids.READ_ACL_UNSAFE).forPath("/crud/acl-default");
        assertEquals(ZooDefs.Ids.READ_ACL_UNSAFE, client.getACL().forPath("/acl-default"), "even the ACL itself");
    }

    /** sync() runs in the background in Curator; its answer comes to a callback, and a read after it is current. */
    @Test
    void syncAnswersInTheBackgroundAndAReadAfterItSeesTheLatestWrite() throws Exception {
        client.create().forPath("/sync", "v1".getBytes(UTF_8));
        zkCli.setData().forPath("/crud/sync", "v2".getBytes(UTF_8)); // another session writes
        BlockingQueue<CuratorEvent> synced = new LinkedBlockingQueue<>();
        client.sync().inBackground((c, event) -> synced.add(event)).forPath("/sync");

        CuratorEvent event = synced.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "no answer to sync within 30 s");
        assertEquals(CuratorEventType.SYNC, event.getType());
        assertEquals(KeeperException.Code.OK.intValue(), event.getResultCode());
        assertEquals("/sync", event.getPath());
        assertEquals("v2", new String(client.getData().forPath("/sync"), UTF_8));
    }
}
