package com.zkcourse.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;

/**
 * The promise behind everything: a write the ensemble acknowledged is never lost. Each server is asked on its own
 * (a client whose connect string names that server alone) for the writer's znodes.
 */
final class FinalCheck {

    private FinalCheck() {
    }

    static void everyAcknowledgedWriteOnEveryServer(PrintStream out, Ensemble ensemble, List<Writer.Write> writes)
            throws Exception {
        Set<String> acknowledged = names(writes.stream().filter(Writer.Write::acknowledged).toList());
        Set<String> failed = names(writes.stream().filter(write -> !write.acknowledged()).toList());
        out.println();
        out.println("Final check: the writer's znodes on each server, read by a client of that server alone, after sync()");
        Set<String> first = null;
        for (ServerProcess server : ensemble.servers()) {
            Set<String> there = znodesOn(server);
            Set<String> missing = new TreeSet<>(acknowledged);
            missing.removeAll(there);
            Set<String> failedButThere = new TreeSet<>(failed);
            failedButThere.retainAll(there);
            out.println(String.format("  %-9s %d znodes: %d of the %d acknowledged writes, %d of the %d failed ones",
                    server, there.size(), acknowledged.size() - missing.size(), acknowledged.size(),
                    failedButThere.size(), failed.size()));
            if (!missing.isEmpty()) {
                throw new CourseFailure(server + " lacks acknowledged writes " + missing + ": ZooKeeper lost data");
            }
            if (first != null && !first.equals(there)) {
                throw new CourseFailure(server + " holds other znodes than " + ensemble.server(1) + " after sync()");
            }
            first = there;
        }
        Set<String> failedButThere = new TreeSet<>(failed);
        failedButThere.retainAll(first);
        out.println("Every acknowledged write is on every server, and the servers agree.");
        out.println("Failed writes that are there all the same: " + failedButThere.size()
                + " (CONNECTIONLOSS means the answer was lost, not necessarily the write).");
    }

    /** The children of the writer's parent on one server, after sync() brought that server up to the leader. */
    private static Set<String> znodesOn(ServerProcess server) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.address.client()) // this server alone: no moving to another
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build()) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                throw new CourseFailure("no connection to " + server + " at " + server.address.client() + " within 5 s");
            }
            // A follower may be a few writes behind the leader; sync() makes it catch up before the next read.
            client.getZookeeperClient().getZooKeeper().sync(Writer.PARENT);
            return new TreeSet<>(client.getChildren().forPath(Writer.PARENT));
        }
    }

    private static Set<String> names(List<Writer.Write> writes) {
        return writes.stream().map(write -> write.path().substring(Writer.PARENT.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
