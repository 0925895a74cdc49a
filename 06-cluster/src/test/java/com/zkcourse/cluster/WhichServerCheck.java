package com.zkcourse.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cluster.exercises.WhichServer;

/** Checks exercise 2, {@link WhichServer}, on three real servers: the client's server, then the next one. */
class WhichServerCheck {

    @RegisterExtension
    static final LaunchedEnsemble cluster = LaunchedEnsemble.forExerciseChecks();

    @Test
    void theClientsServerThenTheOneItMovesToWhenThatDies() throws Exception {
        List<String> servers = cluster.addresses();
        try (CuratorFramework client = Clients.patient(cluster.ensemble().layout.connectString())) {
            long session = client.getZookeeperClient().getZooKeeper().getSessionId();
            String first = WhichServer.of(client, servers);
            assertTrue(servers.contains(first), "of(...) returned " + first + ", not one of " + servers);
            assertTrue(serves(first, session), first + " does not list the client's session 0x" + Long.toHexString(session)
                    + " among its connections: it is not the client's server");

            CountDownLatch reconnected = new CountDownLatch(1);
            client.getConnectionStateListenable().addListener((c, state) -> {
                if (state == ConnectionState.RECONNECTED) {
                    reconnected.countDown();
                }
            });
            cluster.at(first).kill();
            assertTrue(reconnected.await(30, TimeUnit.SECONDS), "the client did not reconnect within 30 s");

            String second = WhichServer.of(client, servers);
            assertNotEquals(first, second, "after " + first + " was killed, the client is on another server");
            assertTrue(servers.contains(second), "of(...) returned " + second + ", not one of " + servers);
            assertTrue(serves(second, session), second + " does not list the client's session among its connections");
            assertEquals(session, client.getZookeeperClient().getZooKeeper().getSessionId(), "the same session");
            Clients.create(client, "/e2/still-writing"); // its data is its path
            assertEquals("/e2/still-writing", new String(client.getData().forPath("/e2/still-writing"), UTF_8),
                    "the client writes and reads through its new server");
        }
    }

    /** Whether the server lists the session among its connections (the check's own look, with cons). */
    private static boolean serves(String server, long session) {
        int colon = server.lastIndexOf(':');
        try {
            return FourLetterWordMain.send4LetterWord(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)),
                    "cons").contains("sid=0x" + Long.toHexString(session) + ",");
        } catch (Exception e) {
            return false;
        }
    }
}
