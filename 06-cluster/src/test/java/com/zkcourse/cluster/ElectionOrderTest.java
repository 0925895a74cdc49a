package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

/**
 * Who wins an election: the server whose log is the most up to date (its last zxid), and only among equals the
 * highest myid. So a leader never lacks a write that was committed before it was elected.
 */
class ElectionOrderTest {

    @Test
    void theMostUpToDateServerLeadsEvenAgainstAHigherMyid() throws Exception {
        ChapterOneInstall zk = ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
        try (Ensemble ensemble = Ensemble.launch(zk, Ensemble.Spec.of(3)
                .withSettings(Map.of("tickTime", "500", "syncLimit", "2")))) {
            ServerProcess one = ensemble.server(1);
            ServerProcess two = ensemble.server(2);
            ServerProcess three = ensemble.server(3);
            assertEquals(two, ensemble.leader().orElseThrow());

            // Server 3 stops; servers 1 and 2 commit a write that server 3 never sees.
            three.stop();
            try (CuratorFramework client = Clients.patient(one.address.client())) {
                Clients.create(client, "/election/while-3-was-away");
            }
            long newest = one.status(500).zxid();
            one.stop();
            two.stop();

            // Server 3 (older log, higher myid) and server 1 (newer log) meet: server 1 leads.
            three.start();
            one.start();
            assertEquals(one, ensemble.awaitLeader(List.of(one, three), 30_000).orElseThrow().server());
            assertEquals(Status.Mode.FOLLOWER, ensemble.awaitServing(three, 30_000).mode());
            assertEquals(Set.of("while-3-was-away"), Clients.childrenOn(three, "/election"),
                    "the new leader brought server 3 up to date");
            assertTrue(three.status(500).zxid() > newest, "the new epoch's zxids come after every older one");
        }
    }
}
