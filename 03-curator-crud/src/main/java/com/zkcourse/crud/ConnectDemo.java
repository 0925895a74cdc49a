package com.zkcourse.crud;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * Topic 1: connecting (the original course's testConnect). The two ways to make a client, what each of the
 * course's settings means (every chapter builds its clients with them; this is where they are explained), and
 * what Curator does when no server is there.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@connect</pre>
 */
public final class ConnectDemo {

    private ConnectDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    // The demo closes its client itself, inside its try, to show what close() does; the try closes it again,
    // harmlessly (javac would warn about the explicit close).
    @SuppressWarnings("try")
    static void run(String connectString) throws Exception {
        Show.title("connect: CuratorFrameworkFactory.newClient(...) and CuratorFrameworkFactory.builder()");
        // Both clients stay open until step 4 (closed at the end of the block, even after an exception).
        try (CuratorFramework client = withTheFactoryMethod(connectString);
             CuratorFramework withANamespace = withTheBuilder(connectString)) {
            whenNoServerIsThere();
            Show.step(4, "Closing");
            Show.call("client.close()");
            client.close(); // a second close, at the end of the try block, does nothing
            Show.result("client.getState() = " + client.getState()
                    + ": the session is over, and with it every ephemeral node it owned");
        }
    }

    /** The original course's first way: every setting an argument. */
    private static CuratorFramework withTheFactoryMethod(String connectString) throws Exception {
        Show.step(1, "A client from the factory method (the original course's first way)");
        Show.call("CuratorFrameworkFactory.newClient(connectString, 60_000, 5_000, retryPolicy)");
        RetryPolicy retryPolicy = new ExponentialBackoffRetry(1_000, 3);
        CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, 60_000, 5_000, retryPolicy);
        Show.note("connectString \"" + connectString + "\": host:port of the server;"
                + " for an ensemble all of them, \"h1:2181,h2:2181,h3:2181\"");
        Show.note("sessionTimeoutMs 60_000: how long the server may keep the session (and its ephemeral nodes)"
                + " after it stops hearing from the client");
        Show.note("connectionTimeoutMs 5_000: how long a call waits for a connection before it fails with"
                + " ConnectionLossException");
        Show.note("ExponentialBackoffRetry(1_000, 3): such a call is tried again up to 3 times,"
                + " after 1 s, then 1 to 3 s, then 1 to 7 s (random, doubling)");
        Show.call("client.start()");
        client.start();
        Show.result("returns at once: Curator connects in the background");
        Show.call("client.blockUntilConnected(5, TimeUnit.SECONDS)");
        boolean connected = client.blockUntilConnected(5, TimeUnit.SECONDS);
        Show.result(connected + ": the course's mains wait 5 s at most, then stop with one line (step 3)");
        if (!connected) {
            client.close();
            throw new CourseFailure("no connection to " + connectString + " within 5 s: is the server still running?");
        }
        // Underneath is ZooKeeper's own client; its session is what the server knows us by.
        Show.call("client.getZookeeperClient().getZooKeeper().getSessionId()");
        long sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
        Show.result("0x" + Long.toHexString(sessionId) + ": the session the server opened for this client");
        Show.call("client.getZookeeperClient().getZooKeeper().getSessionTimeout()");
        int granted = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
        Show.result(granted + " ms: what the server granted of the 60000 ms asked");
        Show.note("A server grants between its minSessionTimeout and maxSessionTimeout, by default 2 and 20 ticks:");
        Show.note("4000 to 40000 ms with tickTime=2000, as in chapter 01's zoo.cfg and the embedded server.");
        return client;
    }

    /** The original course's second way: a builder, which also takes a namespace. */
    private static CuratorFramework withTheBuilder(String connectString) throws Exception {
        Show.step(2, "A client from the builder, with a namespace (the original course's second way)");
        Show.call("CuratorFrameworkFactory.builder()");
        Show.call("    .connectString(connectString)");
        Show.call("    .sessionTimeoutMs(60_000)");
        Show.call("    .connectionTimeoutMs(5_000)");
        Show.call("    .retryPolicy(new ExponentialBackoffRetry(1_000, 3))");
        Show.call("    .namespace(namespace)");
        Show.call("    .build()");
        Show.note("with namespace \"crud\": ConnectDemo.newClient, the client of every demo in this chapter");
        CuratorFramework client = connect(connectString, "crud");
        Show.call("client.getNamespace()");
        String namespace = client.getNamespace();
        Show.result(Show.quoted(namespace) + ": client.create().forPath(\"/app1\") makes the znode /crud/app1");
        Show.call("client.checkExists().forPath(\"/\")");
        boolean exists = client.checkExists().forPath("/") != null;
        Show.result(exists
                ? "a Stat, not null: \"/\" is /crud, and it exists (Curator creates the namespace's node on first use)"
                : "null: /crud does not exist");
        return client;
    }

    /** Nothing listens where the client is told to connect: start() does not mind, blockUntilConnected says so. */
    private static void whenNoServerIsThere() throws Exception {
        // A socket bound to a port but never listening: a connection there is refused, and no one else can take it.
        try (Socket nothingListens = new Socket()) {
            nothingListens.bind(new InetSocketAddress("127.0.0.1", 0));
            String nowhere = "127.0.0.1:" + nothingListens.getLocalPort();
            Show.step(3, "A client for " + nowhere + ", where no server listens");
            Show.call("newClient(nowhere, \"crud\")");
            try (CuratorFramework client = newClient(nowhere, "crud")) {
                Show.call("client.start()");
                client.start();
                Show.result("returns at once, as before: start() does not check that a server is there");
                Show.call("client.blockUntilConnected(2, TimeUnit.SECONDS)");
                boolean connected = client.blockUntilConnected(2, TimeUnit.SECONDS); // 2 s: enough to see it
                Show.result(connected ? "true: something answered after all" : "false after 2 s. Meanwhile ZooKeeper's"
                        + " client tried about once a second, and logged each refusal on stderr.");
                Show.note("A main stops here with one line. Without the check, the first call would wait 5 s for a connection,");
                Show.note("be tried 3 more times, seconds apart, and only then throw ConnectionLossException: some 10 s later.");
            }
        }
    }

    /**
     * The builder of step 2: every demo of this chapter builds its clients here, with the course's settings
     * (the notes above). A null namespace is none: the client sees the whole tree, like zkCli.sh.
     */
    static CuratorFramework newClient(String connectString, String namespace) {
        return CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)                            // asked; the server grants 4 to 40 s
                .connectionTimeoutMs(5_000)                          // a call waits this long for a connection
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))  // then it is tried again, up to 3 times
                .namespace(namespace)                                // "crud": "/app1" is the znode /crud/app1
                .build();
    }

    /** A client of {@link #newClient}, started and connected: no answer within 5 s is one line, not a hang. */
    static CuratorFramework connect(String connectString, String namespace) throws InterruptedException {
        CuratorFramework client = newClient(connectString, namespace);
        client.start(); // returns at once: Curator connects in the background
        if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
            client.close();
            throw new CourseFailure("no connection to " + connectString + " within 5 s: is the server still running?");
        }
        return client;
    }
}
