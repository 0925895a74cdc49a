package com.zkcourse.crud;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** Clients for the tests: the demos' own (ConnectDemo.newClient), or its settings with a change; started and connected. */
final class Clients {

    private Clients() {
    }

    /** A client like the demos' own: namespace "crud", so "/x" is /crud/x on the server. */
    static CuratorFramework crud(String connectString) throws InterruptedException {
        return connected(ConnectDemo.newClient(connectString, "crud"));
    }

    /** A client without a namespace, like zkCli.sh: it sees full paths. */
    static CuratorFramework plain(String connectString) throws InterruptedException {
        return connected(ConnectDemo.newClient(connectString, null));
    }

    /** The demos' settings, for a test that changes one of them (a shorter timeout, another retry policy). */
    static CuratorFrameworkFactory.Builder builder(String connectString) {
        return CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3));
    }

    static CuratorFramework connected(CuratorFramework client) throws InterruptedException {
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            client.close();
        }
        assertTrue(client.getZookeeperClient().isConnected(), "the test client did not connect within 30 s");
        return client;
    }

    static long sessionId(CuratorFramework client) throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }
}
