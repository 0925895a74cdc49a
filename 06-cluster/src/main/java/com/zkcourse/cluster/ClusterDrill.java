package com.zkcourse.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * The original course's five experiments on a real three-server ensemble, in order, each followed by the servers'
 * modes, whether a client can write, and how long recovery took. A client connected to all three servers writes
 * all the while; at the end every acknowledged write is looked for on every server.
 *
 * <pre>./mvnw -q -pl 06-cluster -am compile exec:java</pre>
 */
public final class ClusterDrill {

    private ClusterDrill() {
    }

    public static void main(String[] args) {
        CourseMain.runWithOwnServers(() -> run(System.out));
    }

    static void run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        ChapterOneInstall zk = ChapterOneInstall.ensure(out);
        try (Ensemble ensemble = Ensemble.launch(zk, Ensemble.Spec.of(3))) {
            Drill drill = new Drill(out, ensemble);
            Introduction.print(drill);
            try (CuratorFramework client = client(ensemble.layout.connectString())) {
                client.getConnectionStateListenable().addListener(drill.connections);
                long connecting = System.nanoTime();
                client.start();
                if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                    throw new CourseFailure("the client found no server of " + ensemble.layout.connectString()
                            + " within 5 s");
                }
                Stat created = new Stat();
                client.create().storingStatIn(created).forPath(Writer.PARENT);
                ensemble.awaitApplied(created.getCzxid(), Drill.STEP_TIMEOUT_MS);
                out.println("A Curator client connects to all three, " + ensemble.layout.connectString()
                        + ", and creates " + Writer.PARENT + ";");
                out.println("once every server has it (zxid 0x" + Long.toHexString(created.getCzxid()) + "):");
                drill.table();
                out.println("  client: " + drill.connections.since(connecting));
                out.println("A writer creates " + Writer.Write.path(1) + ", w-000002, ... one after another, 50 ms apart,"
                        + " until the end.");
                Writer writer = new Writer(client, 50);
                try (writer) { // stopped before the final check counts its writes
                    drill.writeWith(writer);
                    writer.start();
                    Experiments experiments = new Experiments(drill);
                    experiments.stopAFollower();
                    experiments.stopASecondServer();
                    experiments.startOneAgain();
                    Experiments.Recovery killed = experiments.killTheLeader();
                    experiments.startTheOldLeader(killed.oldLeader());
                    Experiments.Recovery frozen = experiments.freezeTheLeader();
                    experiments.compare(killed, frozen);
                }
                FinalCheck.everyAcknowledgedWriteOnEveryServer(out, ensemble, writer.writes());
                out.println("client: " + drill.connections.counts() + " over the whole drill.");
            }
            out.println();
            out.println("Stopping the three servers (SIGTERM, as zkServer.sh stop) and deleting their directory.");
        }
        out.println("Drill done in " + Drill.seconds(System.nanoTime() - start) + ".");
    }

    /** The drill's client (not started yet), given every server: when one goes, it moves to another. */
    static CuratorFramework client(String allServers) {
        return CuratorFrameworkFactory.builder()
                .connectString(allServers)
                // 20 s, not the course's usual 60 s: a client waits 2/3 of its session timeout for a silent
                // server, so on a frozen leader (experiment 4, again) it gives up after 13 s, not 27 s. Not less:
                // Curator declares the session LOST itself after a session timeout without a server, and in
                // experiment 2 no server serves until experiment 3 has started one again.
                .sessionTimeoutMs(20_000)
                .connectionTimeoutMs(5_000)
                // Every write is tried once (no retries), so each failure shows in the drill's counts.
                .retryPolicy(new RetryNTimes(0, 0))
                // Curator follows /zookeeper/config for dynamic reconfiguration, with reads in the background after
                // every reconnect; the drill's ensemble never changes, and a background read that met a lost
                // connection, without retries, would log an ERROR that means nothing here.
                .ensembleTracker(false)
                .build();
    }

    /** The layout, the settings and the start: who leads before anything is taken away. */
    private static final class Introduction {

        static void print(Drill drill) throws Exception {
            PrintStream out = drill.out;
            Ensemble ensemble = drill.ensemble;
            List<Layout.Address> servers = ensemble.layout.servers();
            boolean ownAddresses = servers.stream().map(Layout.Address::host).distinct().count() == servers.size();
            out.println("Three real ZooKeeper " + ChapterOneInstall.version() + " servers: QuorumPeerMain, run from chapter 01's"
                    + " install (01-install/zookeeper),");
            out.println(ownAddresses ? "each with its own loopback address and the original course's ports:"
                    : "all on 127.0.0.1, each with ports of its own:");
            for (Layout.Address server : servers) {
                out.println("  " + server.serverLine(false) + "   clients: " + server.client());
            }
            out.println("Settings from 06-cluster/conf/zoo-N.cfg: tickTime=" + ensemble.setting("tickTime")
                    + " initLimit=" + ensemble.setting("initLimit") + " syncLimit=" + ensemble.setting("syncLimit") + ".");
            out.println("Configs, data and the servers' logs (server-N.log) in " + ensemble.directory
                    + ", deleted at the end.");
            out.println();
            out.println("Started servers 1 and 2 (two of three are a majority: they elect a leader), then server 3,"
                    + " as the original does.");
        }
    }
}
