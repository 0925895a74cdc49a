package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.retry.RetryUntilElapsed;
import org.apache.zookeeper.KeeperException;

/** The tests' clients and checks on real ensembles. */
final class Clients {

    private Clients() {
    }

    /** A started client that rides over an election: a failed call is tried again for up to 30 s. */
    static CuratorFramework patient(String connectString) throws InterruptedException {
        return started(connectString, new RetryUntilElapsed(30_000, 50));
    }

    /** A started client that tries every call once, and waits at most 1 s for a connection before it fails. */
    static CuratorFramework once(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(15_000).connectionTimeoutMs(1_000).retryPolicy(new RetryNTimes(0, 0)).build();
        client.start();
        assertTrue(client.blockUntilConnected(10, TimeUnit.SECONDS), "no connection to " + connectString);
        return client;
    }

    private static CuratorFramework started(String connectString, org.apache.curator.RetryPolicy retry)
            throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(15_000).connectionTimeoutMs(5_000).retryPolicy(retry).build();
        client.start();
        assertTrue(client.blockUntilConnected(10, TimeUnit.SECONDS), "no connection to " + connectString);
        return client;
    }

    /** Creates the node; one that exists already counts (an earlier try went through, its answer was lost). */
    static void create(CuratorFramework client, String path) throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(path, path.getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException lostAnswer) {
            // written by a try whose answer was lost: it is there, as an acknowledged write must be
        }
    }

    /** The children of {@code parent} on one server, asked alone, after sync() brought it up to the leader. */
    static Set<String> childrenOn(ServerProcess server, String parent) throws Exception {
        try (CuratorFramework client = patient(server.address.client())) {
            client.getZookeeperClient().getZooKeeper().sync(parent);
            return new TreeSet<>(client.getChildren().forPath(parent));
        }
    }

    /** Every server of the ensemble answers with the given modes, in server order. */
    static void assertModes(Ensemble ensemble, Status.Mode... modes) throws Exception {
        assertEquals(List.of(modes), ensemble.statuses().values().stream().map(Status::mode).toList());
    }

    /** No process started from this directory still runs. */
    static void assertNothingRunsFrom(Path directory) {
        List<String> left = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(directory.toString()))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), left, "processes left behind");
    }
}
