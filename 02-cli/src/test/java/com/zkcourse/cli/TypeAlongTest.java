package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.LoopbackServer;

/**
 * exec:java@zkcli: the real zkCli opens on the server with the lesson's starting data, runs what is typed,
 * and ends cleanly with quit, Ctrl-C or the end of the input: its session closed (its ephemeral znodes gone
 * at once, not after the session timeout) and an embedded server stopped.
 */
class TypeAlongTest {

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    private InteractiveJvm typeAlong(String lesson) throws IOException {
        return new InteractiveJvm(List.of("zk.connect=" + server.connectString(), "lesson=" + lesson),
                TypeAlong.class.getName());
    }

    @Test
    void opensWithTheLessonsStartingDataAndEndsWithQuit() throws Exception {
        try (InteractiveJvm zkCli = typeAlong("08-watch")) {
            zkCli.awaitOutput("(CONNECTED) 0] ", 60);
            zkCli.type("get -w /app1");
            zkCli.type("set /app1 typed");
            zkCli.type("ls /app1");
            zkCli.type("create -e /app3 mine");
            zkCli.awaitOutput("Created /app3", 30);
            zkCli.type("quit");

            assertEquals(0, zkCli.awaitExit(30), zkCli.output());
            String output = zkCli.output();
            assertTrue(output.contains("then created /app1 /app1/p1."), output);
            assertTrue(output.contains("(CONNECTED) 0] itheima\n"), output);
            assertTrue(output.contains("WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1"), output);
            assertTrue(output.contains("[p1]"), output);
            assertTrue(output.endsWith("zkCli's session is closed.\n"), output);
        }
        assertNull(stat("/app3"), "the session's ephemeral znode outlived quit");
    }

    @Test
    void ctrlCClosesTheSession() throws Exception {
        try (InteractiveJvm zkCli = typeAlong("06-ephemeral")) {
            zkCli.awaitOutput("(CONNECTED) 0] ", 60);
            zkCli.type("create -e /app3 mine");
            zkCli.awaitOutput("Created /app3", 30);

            zkCli.interrupt();

            // With no terminal (as here) Ctrl-C stops the JVM (exit 130) and the shutdown hook closes the
            // session; on a terminal readLine ends instead and the exit code is 0.
            assertEquals(130, zkCli.awaitExit(30), zkCli.output());
        }
        assertNull(stat("/app3"), "the session's ephemeral znode outlived Ctrl-C");
    }

    @Test
    void theEndOfTheInputEndsItLikeQuit() throws Exception {
        try (InteractiveJvm zkCli = typeAlong("03")) {
            zkCli.type("get /app2");
            zkCli.endInput();

            assertEquals(0, zkCli.awaitExit(60), zkCli.output());
            assertTrue(zkCli.output().contains("(CONNECTED) 0] null\n"), zkCli.output());
            assertTrue(zkCli.output().endsWith("zkCli's session is closed.\n"), zkCli.output());
        }
    }

    @Test
    void anEmbeddedServerStopsWithIt() throws Exception {
        // No -Dzk.connect, and the build's -Dzk.localServer=none (passed on to the child): an embedded server.
        int port;
        try (InteractiveJvm zkCli = new InteractiveJvm(List.of(), TypeAlong.class.getName())) {
            zkCli.awaitOutput("(CONNECTED) 0] ", 60);
            port = embeddedPort(zkCli);
            assertEquals(List.of("127.0.0.1"), ListeningSockets.listeningAddresses(port));
            zkCli.type("ls /");
            zkCli.type("quit");

            assertEquals(0, zkCli.awaitExit(30), zkCli.output());
            assertTrue(zkCli.output().contains("] [app1, app2, zookeeper]\n"), zkCli.output());
        }
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port));
    }

    /**
     * A student's Ctrl-C, on a terminal of its own: jline ends the prompt, the main closes the session and
     * stops the embedded server, and the exit code is 0.
     */
    @Test
    @EnabledOnOs(OS.LINUX) // util-linux's script makes the terminal
    void ctrlCOnATerminalClosesTheSessionAndStopsAnEmbeddedServer() throws Exception {
        int port;
        try (InteractiveJvm zkCli = InteractiveJvm.onTerminal(List.of("lesson=06-ephemeral"), TypeAlong.class.getName())) {
            zkCli.awaitOutput("(CONNECTED) 0] ", 60);
            port = embeddedPort(zkCli);
            zkCli.type("create -e /app3 mine");
            zkCli.awaitOutput("(CONNECTED) 1] ", 30); // back at the prompt: Ctrl-C during a command ends the JVM (130)

            zkCli.typeCtrlC();

            assertEquals(0, zkCli.awaitExit(30), zkCli.output());
            assertTrue(zkCli.output().endsWith("zkCli's session is closed.\r\n"), zkCli.output());
        }
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port), "the embedded server stopped");
    }

    /** Without a terminal (an IDE console), Ctrl-C's SIGINT stops the JVM: the session is closed, then the server. */
    @Test
    void ctrlCWithoutATerminalAlsoStopsAnEmbeddedServer() throws Exception {
        int port;
        try (InteractiveJvm zkCli = new InteractiveJvm(List.of("lesson=06-ephemeral"), TypeAlong.class.getName())) {
            zkCli.awaitOutput("(CONNECTED) 0] ", 60);
            port = embeddedPort(zkCli);

            zkCli.interrupt();

            assertEquals(130, zkCli.awaitExit(30), zkCli.output());
        }
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port), "the embedded server stopped");
    }

    private static int embeddedPort(InteractiveJvm zkCli) {
        Matcher embedded = Pattern.compile("ZooKeeper server: 127\\.0\\.0\\.1:(\\d+) \\(embedded").matcher(zkCli.output());
        assertTrue(embedded.find(), zkCli.output());
        return Integer.parseInt(embedded.group(1));
    }

    /** The znode's stat as a new session sees it; null when it does not exist. */
    private static Stat stat(String path) throws Exception {
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            return zk.exists(path, false);
        }
    }

}
