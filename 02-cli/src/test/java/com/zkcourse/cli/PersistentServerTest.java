package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * A student may replay the lessons again and again on chapter 01's server, which keeps what they typed along
 * and what other chapters created. The replay clears the chapter's own paths first, and only those.
 */
class PersistentServerTest {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void replaysOverAStudentsLeftoversAgainAndAgainAndLeavesTheRestAlone() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            // What typing along may leave under the chapter's paths (an ephemeral of a zkCli still open too)...
            ZooKeeperClients.create(zk, "/app1/typed/along", "x");
            ZooKeeperClients.create(zk, "/app4/seq-0000000041", null);
            zk.create("/app3", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            // ...and what other chapters keep on the same server.
            ZooKeeperClients.create(zk, "/crud/app1", "chapter 03");
            ZooKeeperClients.create(zk, "/watch", null);

            // Each of these lessons creates /app1, /app3 or /app4 itself: it only replays as written if the
            // replay cleared them first. Twice in a row: the second run finds the first run's znodes.
            for (int run = 1; run <= 2; run++) {
                for (String lesson : List.of("03-get-set.txt", "06-ephemeral.txt", "07-sequential.txt")) {
                    Replays.assertReplaysAsWritten(Replays.LESSONS.resolve(lesson), server.connectString());
                }
            }

            assertNull(zk.exists("/app1/typed", false), "a leftover under /app1 survived the replay");
            assertEquals(List.of("seq-0000000000", "seq-0000000003"),
                    zk.getChildren("/app4", false).stream().sorted().toList(),
                    "07-sequential ends with these two (its ephemeral lock- node went with its session)");
            assertEquals("chapter 03", new String(zk.getData("/crud/app1", false, null), StandardCharsets.UTF_8));
            assertNotNull(zk.exists("/watch", false));
            assertEquals(List.of("config", "quota"), zk.getChildren("/zookeeper", false).stream().sorted().toList());
        }
    }
}
