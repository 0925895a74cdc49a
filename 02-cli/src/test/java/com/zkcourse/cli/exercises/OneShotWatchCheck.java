package com.zkcourse.cli.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cli.ZkCliScript;
import com.zkcourse.cli.ZooKeeperClients;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.exercises.ExerciseRoot;

/** Checks exercise 4, {@code one-shot-watch.zkcli}, replayed through the real zkCli on a real server. */
class OneShotWatchCheck {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void oneEventForTwoChanges() throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            ZooKeeperClients.create(zk, "/e4/config", "v1");

            try (ZkCliScript script = ZkCliScript.replay(ExerciseRoot.file("zkcli/one-shot-watch.zkcli"),
                    server.connectString())) {
                String printed = "; zkCli printed:\n" + script.output();
                assertEquals("newer", new String(zk.getData("/e4/config", false, null), StandardCharsets.UTF_8),
                        "the data of /e4/config at the end" + printed);
                assertEquals(1, ScriptChecks.count(script.output(),
                        "WatchedEvent state:SyncConnected type:NodeDataChanged path:/e4/config"),
                        "zkCli prints the watch's event once: a watch on the data, two changes" + printed);
            }
        }
    }
}
