package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * What the README says of the zxid: every transaction takes the next one, a read takes none, and opening or
 * closing a session is a transaction too (so the zxids of one client's changes have gaps).
 */
class ZxidTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void eachChangeTakesTheNextZxidAndAReadTakesNone() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(zk.connectString())) {
            long created = create(session.zk(), "/zxid-changes");
            session.zk().getData("/zxid-changes", false, null);
            session.zk().exists("/zxid-changes", false);
            Stat set = session.zk().setData("/zxid-changes", bytes("new"), -1);
            assertEquals(created + 1, set.getMzxid());
            assertEquals(created + 2, create(session.zk(), "/zxid-changes/child"));
        }
    }

    @Test
    void closingOneSessionAndOpeningAnotherTakeOneZxidEach() throws Exception {
        long first;
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(zk.connectString())) {
            first = create(session.zk(), "/zxid-sessions");
        }
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(zk.connectString())) {
            // first + 1: the first session's close; first + 2: this session's creation.
            assertEquals(first + 3, create(session.zk(), "/zxid-sessions-2"));
        }
    }

    /** Creates a persistent znode and returns the zxid of its creation (cZxid). */
    private static long create(ZooKeeper zk, String path) throws Exception {
        Stat stat = new Stat();
        zk.create(path, bytes("data"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
        return stat.getCzxid();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
