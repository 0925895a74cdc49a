package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why ensembles have 3 or 5 servers and not 4: a majority of 4 is 3, so 4 servers survive the loss of one server,
 * like 3 do; 5 survive the loss of two. Each time the leader stays and two followers stop.
 */
class MajorityTest {

    private static ChapterOneInstall zk;

    @BeforeAll
    static void install() throws Exception {
        zk = ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void fourServersStopServingWhenTwoGo() throws Exception {
        try (Ensemble ensemble = launch(4)) {
            ServerProcess leader = stopTwoFollowers(ensemble);
            // 2 of 4 is no majority: the leader gives up, and so does its last follower.
            ensemble.awaitMode(leader, mode -> mode == Status.Mode.NOT_SERVING, "stop serving", 30_000);
        }
    }

    @Test
    void fiveServersServeOnWhenTwoGo() throws Exception {
        try (Ensemble ensemble = launch(5)) {
            ServerProcess leader = stopTwoFollowers(ensemble);
            // 3 of 5 is a majority: a write is committed (the leader had acknowledgements from 3 servers).
            try (CuratorFramework client = Clients.patient(leader.address.client())) {
                Clients.create(client, "/majority/three-of-five");
                assertEquals(List.of("three-of-five"), client.getChildren().forPath("/majority"));
            }
            assertEquals(Status.Mode.LEADER, leader.status(500).mode());
        }
    }

    private static Ensemble launch(int servers) throws Exception {
        return Ensemble.launch(zk, Ensemble.Spec.of(servers).withSettings(Map.of("tickTime", "500", "syncLimit", "2")));
    }

    /** Stops two followers and returns the leader. */
    private static ServerProcess stopTwoFollowers(Ensemble ensemble) throws Exception {
        ServerProcess leader = ensemble.leader().orElseThrow();
        List<ServerProcess> followers = ensemble.servers().stream().filter(server -> server != leader).toList();
        followers.get(0).stop();
        followers.get(1).stop();
        return leader;
    }
}
