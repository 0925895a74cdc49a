package com.zkcourse.cli.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cli.ZkCliScript;
import com.zkcourse.cli.ZooKeeperClients;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.exercises.ExerciseRoot;

/** Checks exercise 3, {@code versioned-set.zkcli}, replayed through the real zkCli on a real server. */
class VersionedSetCheck {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void theStaleSetIsRefusedAndTheCurrentOneApplied() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            ZooKeeperClients.create(zk, "/e3/counter", "one");
            zk.setData("/e3/counter", "two".getBytes(StandardCharsets.UTF_8), -1); // dataVersion 1

            try (ZkCliScript script = ZkCliScript.replay(ExerciseRoot.file("zkcli/versioned-set.zkcli"),
                    server.connectString())) {
                String printed = "; zkCli printed:\n" + script.output();
                assertEquals(1, ScriptChecks.count(script.output(), "version No is not valid : /e3/counter"),
                        "zkCli refuses the set for dataVersion 0 once, with 'version No is not valid'" + printed);
                Stat stat = new Stat();
                assertEquals("three", new String(zk.getData("/e3/counter", false, stat), StandardCharsets.UTF_8),
                        "the data of /e3/counter" + printed);
                assertEquals(2, stat.getVersion(), "the dataVersion of /e3/counter: one set applied after the "
                        + "check's" + printed);
            }
        }
    }
}
