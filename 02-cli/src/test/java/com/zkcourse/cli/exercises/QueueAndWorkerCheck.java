package com.zkcourse.cli.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cli.ZkCliScript;
import com.zkcourse.cli.ZooKeeperClients;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.exercises.ExerciseRoot;

/** Checks exercise 2, {@code queue-and-worker.zkcli}, replayed through the real zkCli on a real server. */
class QueueAndWorkerCheck {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void threeSequentialJobsAndAnEphemeralWorker() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            ZooKeeperClients.create(zk, "/e2/queue", null);
            try (ZkCliScript script = ZkCliScript.replay(ExerciseRoot.file("zkcli/queue-and-worker.zkcli"),
                    server.connectString())) {
                String printed = "; zkCli printed:\n" + script.output();
                assertEquals(List.of("job-0000000000", "job-0000000001", "job-0000000002"),
                        zk.getChildren("/e2/queue", false).stream().sorted().toList(),
                        "the children of /e2/queue: three sequential znodes named job-" + printed);
                for (String job : zk.getChildren("/e2/queue", false)) {
                    assertEquals(0, zk.exists("/e2/queue/" + job, false).getEphemeralOwner(),
                            job + " is persistent (ephemeralOwner 0x0)" + printed);
                }
                Stat worker = zk.exists("/e2/worker", false);
                assertNotNull(worker, "/e2/worker exists while the script's session is open" + printed);
                assertNotEquals(0, worker.getEphemeralOwner(), "/e2/worker is ephemeral: it has an owner session" + printed);
                assertEquals("busy", new String(zk.getData("/e2/worker", false, null)), "the data of /e2/worker" + printed);
            }
            assertNull(zk.exists("/e2/worker", false), "/e2/worker is gone once the script's zkCli session is closed");
        }
    }
}
