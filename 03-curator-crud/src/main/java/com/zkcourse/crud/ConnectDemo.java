package com.zkcourse.crud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooKeeper;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 1: connecting (the original course's testConnect). The two ways to make a client, what each parameter means,
 * and what Curator does when no server is there.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@connect</pre>
 *
 * The original course used a 15 s connection timeout and {@code ExponentialBackoffRetry(3000, 10)} against
 * 10.211.55.5:2181. This chapter uses 5 s and {@code ExponentialBackoffRetry(1000, 3)}: with the server on
 * the same machine a mistake shows in seconds. With the original course's policy one call that keeps losing its
 * connection may retry for over an hour (10 sleeps of 3 s times a random factor up to 2, 4, ... 1024).
 */
public final class ConnectDemo {

    private ConnectDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("connect: CuratorFrameworkFactory.newClient(...) and CuratorFrameworkFactory.builder()");
        withTheFactoryMethod(connectString);
        withTheBuilderAndANamespace(connectString);
        whenNoServerIsThere();
    }

    /** The original course's first way: every setting as an argument. */
    private static void withTheFactoryMethod(String connectString) throws Exception {
        Show.step(1, "A client from the factory method (the original course's first way)");
        RetryPolicy retryPolicy = new ExponentialBackoffRetry(1_000, 3);
        CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, 60_000, 5_000, retryPolicy);
        Show.call("CuratorFrameworkFactory.newClient(\"" + connectString
                + "\", 60_000, 5_000, new ExponentialBackoffRetry(1_000, 3))");
        Show.note("connectString \"" + connectString + "\": host:port of the server; for an ensemble list them all,"
                + " \"host1:2181,host2:2181,host3:2181\"");
        Show.note("sessionTimeoutMs 60_000: how long the server keeps this client's session (and its ephemeral"
                + " nodes) after it stops hearing from it");
        Show.note("connectionTimeoutMs 5_000: how long one call waits for a connection before it fails with"
                + " ConnectionLossException");
        Show.note("ExponentialBackoffRetry(1_000, 3): a call that loses its connection is retried up to 3 times,"
                + " after sleeping 1 s, then 1 to 3 s, then 1 to 7 s (random, doubling)");

        try (client) { // closes the client at the end of the block, even after an exception
            Show.call("client.start()");
            client.start();
            Show.result("returns at once: Curator connects in the background");

            Show.call("client.blockUntilConnected(5, TimeUnit.SECONDS)");
            boolean connected = client.blockUntilConnected(5, TimeUnit.SECONDS);
            Show.result(String.valueOf(connected));
            if (!connected) {
                throw new NotConnectedException(connectString, 5);
            }

            // Underneath is ZooKeeper's own client; its session is what the server knows us by.
            ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
            Show.call("client.getZookeeperClient().getZooKeeper().getSessionId()");
            Show.result("0x" + Long.toHexString(zooKeeper.getSessionId())
                    + ": the session the server opened for this client");
            Show.call("client.getZookeeperClient().getZooKeeper().getSessionTimeout()");
            Show.result(zooKeeper.getSessionTimeout() + " ms: what the server granted of the 60000 ms asked;"
                    + " it keeps a session timeout between 2 and 20 times its tickTime");
        }
        Show.call("client.close()");
        Show.result("client.getState() = " + client.getState()
                + ": the session is over, and with it every ephemeral node it owned");
    }

    /** The original course's second way: a builder, which also takes a namespace. */
    private static void withTheBuilderAndANamespace(String connectString) throws Exception {
        Show.step(2, "A client from the builder, with a namespace (the original course's second way)");
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .namespace("crud") // every path this client uses is under /crud
                .build();
        Show.call("CuratorFrameworkFactory.builder()");
        Show.call("    .connectString(\"" + connectString + "\")");
        Show.call("    .sessionTimeoutMs(60_000)");
        Show.call("    .connectionTimeoutMs(5_000)");
        Show.call("    .retryPolicy(new ExponentialBackoffRetry(1_000, 3))");
        Show.call("    .namespace(\"crud\")");
        Show.call("    .build()");

        try (client) {
            client.start();
            Show.call("client.start(); client.blockUntilConnected(5, TimeUnit.SECONDS)");
            boolean connected = client.blockUntilConnected(5, TimeUnit.SECONDS);
            Show.result(String.valueOf(connected));
            if (!connected) {
                throw new NotConnectedException(connectString, 5);
            }

            Show.call("client.getNamespace()");
            Show.result(Show.quoted(client.getNamespace())
                    + ": client.create().forPath(\"/app1\") makes the znode /crud/app1 on the server");
            Show.call("client.checkExists().forPath(\"/\")");
            boolean exists = client.checkExists().forPath("/") != null;
            Show.result(exists ? "a Stat, not null: \"/\" is /crud, and it exists (Curator creates the namespace's"
                    + " node on first use)" : "null: /crud does not exist");
        }
    }

    /** What Curator does when nothing listens where it is told to connect: it waits, and never fails at start. */
    private static void whenNoServerIsThere() throws Exception {
        String nowhere = "127.0.0.1:" + aPortWhereNothingListens();
        Show.step(3, "A client for " + nowhere + ", where no server listens");
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(nowhere)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .namespace("crud")
                .build();
        Show.line("(built as in 2, with .connectString(\"" + nowhere + "\"))");
        try (client) {
            Show.call("client.start()");
            client.start();
            Show.result("returns at once, as before: start() does not check that a server is there");

            // Wait less than connectionTimeoutMs: give up ourselves, before Curator's own background calls do.
            Show.call("client.blockUntilConnected(2, TimeUnit.SECONDS)");
            boolean connected = client.blockUntilConnected(2, TimeUnit.SECONDS);
            Show.result(connected
                    ? "true: something answered after all"
                    : "false after 2 s: nothing answered on " + nowhere + ". A demo stops here with one line:"
                    + " start a server (01-install/bin/zkServer.sh start) or drop -Dzk.connect.");
            Show.note("Without this check, the first call would wait up to 5 s (connectionTimeoutMs) for a connection,"
                    + " then retry 3 times (the retry policy), and only then throw ConnectionLossException.");
        }
    }

    private static int aPortWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // free now; the socket closes before the client tries it
        }
    }
}
