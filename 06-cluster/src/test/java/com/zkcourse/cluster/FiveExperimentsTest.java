package com.zkcourse.cluster;

import static com.zkcourse.cluster.Clients.assertModes;
import static com.zkcourse.cluster.Status.Mode.FOLLOWER;
import static com.zkcourse.cluster.Status.Mode.FROZEN;
import static com.zkcourse.cluster.Status.Mode.LEADER;
import static com.zkcourse.cluster.Status.Mode.NOT_RUNNING;
import static com.zkcourse.cluster.Status.Mode.NOT_SERVING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ListeningSockets;

/**
 * The original course's five experiments on three real server processes, each step asserted from the servers' own
 * srvr answers and from a client's writes; then the fourth again with a frozen leader; then every acknowledged write
 * is looked for on every server. tickTime 500 and syncLimit 2 make a frozen leader noticed after 1 s, not 10 s.
 */
class FiveExperimentsTest {

    @RegisterExtension
    static final LaunchedEnsemble cluster = new LaunchedEnsemble(
            Ensemble.Spec.of(3).withSettings(Map.of("tickTime", "500", "syncLimit", "2")));
    private static CuratorFramework client;
    /** Tries each call once: what a write without a majority gets. */
    private static CuratorFramework once;
    private static final List<String> acknowledged = new ArrayList<>();

    @BeforeAll
    static void connectTwoClients() throws Exception { // the extension has started the three servers
        client = Clients.patient(cluster.ensemble().layout.connectString());
        once = Clients.once(cluster.ensemble().layout.connectString());
    }

    @AfterAll
    static void closeTheClients() { // before the extension stops the servers
        for (CuratorFramework each : new CuratorFramework[] {client, once}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @Test
    void theOriginalsFiveExperimentsThenTheFourthWithAFrozenLeader() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        ServerProcess one = ensemble.server(1);
        ServerProcess two = ensemble.server(2);
        ServerProcess three = ensemble.server(3);
        // Started 1, then 2 (they elect 2: same zxid, higher myid), then 3.
        assertModes(ensemble, FOLLOWER, LEADER, FOLLOWER);
        assertEachListensOnItsOwnLoopbackAddressAndOnlyTheLeaderOnTheQuorumPort(two);
        long firstEpoch = two.status(500).epoch();
        write("/five/start");

        // 1. A follower stops: 2 of 3 still serve, the leader stays.
        three.stop();
        assertModes(ensemble, FOLLOWER, LEADER, NOT_RUNNING);
        write("/five/one");

        // 2. The other follower stops: the leader alone is no majority and stops serving; a write fails.
        one.stop();
        ensemble.awaitMode(two, mode -> mode == NOT_SERVING, "stop serving", 30_000);
        assertModes(ensemble, NOT_RUNNING, NOT_SERVING, NOT_RUNNING);
        KeeperException failure = assertThrows(KeeperException.class, () -> once.create().forPath("/five/two"),
                "no write succeeds without a majority");
        assertEquals(KeeperException.Code.CONNECTIONLOSS, failure.code());

        // 3. One comes back: a majority again, the same leader, in a new epoch.
        one.start();
        assertEquals(two, ensemble.awaitLeader(List.of(one, two), 30_000).orElseThrow().server());
        ensemble.awaitServing(one, 30_000); // it serves a moment after its leader, once it is up to date
        assertModes(ensemble, FOLLOWER, LEADER, NOT_RUNNING);
        assertTrue(two.status(500).epoch() > firstEpoch, "a new epoch after the new election");
        write("/five/three");

        // 4. All three again, then kill -9 the leader: one of the other two leads, in a new epoch.
        three.start();
        ensemble.awaitServing(three, 30_000);
        long epochBefore = two.status(500).epoch();
        two.kill();
        ServerProcess newLeader = ensemble.awaitLeader(List.of(one, three), 30_000).orElseThrow().server();
        ServerProcess follower = newLeader == one ? three : one;
        assertEquals(FOLLOWER, ensemble.awaitServing(follower, 30_000).mode());
        assertEquals(NOT_RUNNING, two.status(500).mode());
        assertTrue(newLeader.status(500).epoch() > epochBefore);
        write("/five/four");

        // 5. The old leader comes back: it follows, the new leader stays.
        two.start();
        assertEquals(FOLLOWER, ensemble.awaitServing(two, 30_000).mode());
        assertEquals(LEADER, newLeader.status(500).mode());
        write("/five/five");

        // 4 again: freeze the leader. The others elect a new one; the frozen one answers nothing; thawed, it follows.
        epochBefore = newLeader.status(500).epoch();
        newLeader.freeze();
        List<ServerProcess> others = List.of(follower, two);
        ServerProcess thirdLeader = ensemble.awaitLeader(others, 30_000).orElseThrow().server();
        assertEquals(FROZEN, newLeader.status(500).mode());
        assertTrue(thirdLeader.status(500).epoch() > epochBefore);
        write("/five/frozen");
        newLeader.thaw();
        assertEquals(FOLLOWER, ensemble.awaitMode(newLeader, mode -> mode == FOLLOWER, "follow", 30_000).mode());
        assertEquals(LEADER, thirdLeader.status(500).mode());
        assertNotEquals(newLeader, thirdLeader);

        // Nothing acknowledged was lost, on any server.
        Set<String> expected = new TreeSet<>();
        acknowledged.forEach(path -> expected.add(path.substring("/five/".length())));
        for (ServerProcess server : ensemble.servers()) {
            assertEquals(expected, Clients.childrenOn(server, "/five"), server + " holds every acknowledged write");
        }
    }

    /**
     * Every server listens for clients and for votes on its own address, nowhere else; only the leader listens on
     * the quorum port, for its followers. (A wildcard listener on one of these ports would have kept ours from
     * binding, so any 0.0.0.0 or :: here would be one of ours.)
     */
    private static void assertEachListensOnItsOwnLoopbackAddressAndOnlyTheLeaderOnTheQuorumPort(ServerProcess leader)
            throws Exception {
        Set<String> ours = new TreeSet<>(List.of("0.0.0.0", "::"));
        Map<Integer, Set<String>> expected = new TreeMap<>();
        for (Layout.Address server : cluster.ensemble().layout.servers()) {
            ours.add(server.host());
            expected.computeIfAbsent(server.clientPort(), port -> new TreeSet<>()).add(server.host());
            expected.computeIfAbsent(server.electionPort(), port -> new TreeSet<>()).add(server.host());
            Set<String> quorum = expected.computeIfAbsent(server.quorumPort(), port -> new TreeSet<>());
            if (server.id() == leader.id()) {
                quorum.add(server.host());
            }
        }
        for (Map.Entry<Integer, Set<String>> port : expected.entrySet()) {
            assertEquals(port.getValue(), listening(port.getKey(), ours), "who listens on port " + port.getKey());
        }
    }

    private static Set<String> listening(int port, Set<String> ours) throws Exception {
        Set<String> addresses = new TreeSet<>(ListeningSockets.listeningAddresses(port));
        addresses.retainAll(ours);
        return addresses;
    }

    private static void write(String path) throws Exception {
        Clients.create(client, path);
        acknowledged.add(path);
    }
}
