package com.zkcourse.cli.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cli.ZkCliScript;
import com.zkcourse.cli.ZooKeeperClients;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.exercises.ExerciseRoot;

/** Checks exercise 1, {@code create-tree.zkcli}, replayed through the real zkCli on a real server. */
class CreateTreeCheck {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void theFourZnodes() throws Exception {
        try (ZkCliScript script = ZkCliScript.replay(ExerciseRoot.file("zkcli/create-tree.zkcli"), server.connectString());
             ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            assertEquals(new TreeMap<>(Map.of("/e1", "null", "/e1/app", "config", "/e1/app/db", "mysql", "/e1/app/cache", "null")),
                    ScriptChecks.tree(session.zk(), "/e1"), "the znodes under /e1 with their data; zkCli printed:\n"
                            + script.output());
        }
    }
}
