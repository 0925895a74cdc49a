package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cluster.exercises.Leader;

/** Checks exercise 1, {@link Leader}, on three real servers: the leader, a new one after it dies, then none. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class LeaderCheck {

    @RegisterExtension
    static final LaunchedEnsemble cluster = LaunchedEnsemble.forExerciseChecks();

    @Test
    @Order(1)
    void theLeader() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        List<String> servers = cluster.addresses();
        ServerProcess leader = ensemble.awaitLeader(ensemble.servers(), 30_000).orElseThrow().server();
        assertEquals(leader.address.client(), Leader.among(servers), "the leader of " + servers);
    }

    @Test
    @Order(2)
    void aNewLeaderAfterTheOldOneDies() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        List<String> servers = cluster.addresses();
        ServerProcess old = ensemble.awaitLeader(ensemble.servers(), 30_000).orElseThrow().server();
        old.kill();
        List<ServerProcess> alive = ensemble.servers().stream().filter(server -> server != old).toList();
        ServerProcess elected = ensemble.awaitLeader(alive, 30_000).orElseThrow().server();
        assertEquals(elected.address.client(), Leader.among(servers), "the leader of " + servers + " after "
                + old.address.client() + " was killed (it answers nothing now)");
    }

    @Test
    @Order(3)
    void noLeaderWithoutAMajority() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        List<String> servers = cluster.addresses();
        ServerProcess leader = ensemble.awaitLeader(ensemble.servers(), 30_000).orElseThrow().server();
        leader.kill(); // one was killed before: one server of three is left, which is no majority
        ServerProcess last = ensemble.servers().stream().filter(ServerProcess::isRunning).findFirst().orElseThrow();
        ensemble.awaitMode(last, mode -> mode == Status.Mode.NOT_SERVING, "stop serving", 30_000);
        assertNull(Leader.among(servers), "with one server of three running there is no leader");
    }
}
