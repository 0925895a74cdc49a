package com.zkcourse.cluster;

import static com.zkcourse.cluster.Clients.assertModes;
import static com.zkcourse.cluster.Status.Mode.FOLLOWER;
import static com.zkcourse.cluster.Status.Mode.LEADER;
import static com.zkcourse.cluster.Status.Mode.NOT_RUNNING;
import static com.zkcourse.cluster.Status.Mode.NOT_SERVING;
import static com.zkcourse.cluster.Status.Mode.OBSERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fourth server as an observer (peerType=observer, and ":observer" on its server.4 line): it serves reads and
 * passes writes on to the leader, but it does not vote. This ensemble runs every server on 127.0.0.1 with ports
 * of its own, the layout of a system without 127.0.0.2 and up (macOS), so that layout is proven too.
 */
class ObserverTest {

    @RegisterExtension
    static final LaunchedEnsemble cluster = new LaunchedEnsemble(Ensemble.Spec.of(3).withObservers(1).onOwnPorts()
            .withSettings(Map.of("tickTime", "500", "syncLimit", "2")));

    @Test
    void anObserverServesReadsAndWritesButNeverCountsTowardsTheMajority() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        ServerProcess observer = ensemble.server(4);
        assertTrue(ensemble.layout.servers().stream().allMatch(server -> server.host().equals("127.0.0.1")));
        assertTrue(Files.readAllLines(observer.config, StandardCharsets.UTF_8).contains("peerType=observer"));
        assertTrue(Files.readAllLines(ensemble.server(1).config, StandardCharsets.UTF_8)
                .contains(ensemble.layout.server(4).serverLine(true)), "every config names server 4 as an observer");
        assertModes(ensemble, FOLLOWER, LEADER, FOLLOWER, OBSERVER);

        // It serves: a client of the observer alone writes (the observer hands the write to the leader) and reads
        // what a client of server 1 wrote.
        try (CuratorFramework ofObserver = Clients.patient(observer.address.client());
             CuratorFramework ofServer1 = Clients.patient(ensemble.server(1).address.client())) {
            Clients.create(ofObserver, "/observer/through-the-observer");
            Clients.create(ofServer1, "/observer/through-server-1");
        }
        for (ServerProcess server : ensemble.servers()) {
            assertEquals(Set.of("through-the-observer", "through-server-1"), Clients.childrenOn(server, "/observer"));
        }

        // Losing it costs nothing: the three voters serve on, with the same leader.
        observer.stop();
        assertModes(ensemble, FOLLOWER, LEADER, FOLLOWER, NOT_RUNNING);
        try (CuratorFramework client = Clients.patient(ensemble.layout.connectString())) {
            Clients.create(client, "/observer/without-it");
        }

        // It does not vote: with two voters gone, one voter and the observer are two running servers of four,
        // but one vote of three. Nobody serves, the observer included.
        observer.start();
        assertEquals(OBSERVER, ensemble.awaitServing(observer, 30_000).mode());
        ensemble.server(1).stop();
        ensemble.server(3).stop();
        ensemble.awaitMode(ensemble.server(2), mode -> mode == NOT_SERVING, "stop serving", 30_000);
        ensemble.awaitMode(observer, mode -> mode == NOT_SERVING, "stop serving", 30_000);
        assertModes(ensemble, NOT_RUNNING, NOT_SERVING, NOT_RUNNING, NOT_SERVING);

        // One voter back: two votes of three, a majority again; the observer serves again.
        ensemble.server(1).start();
        ensemble.awaitLeader(ensemble.servers(), 30_000).orElseThrow();
        assertEquals(OBSERVER, ensemble.awaitServing(observer, 30_000).mode());
    }
}
