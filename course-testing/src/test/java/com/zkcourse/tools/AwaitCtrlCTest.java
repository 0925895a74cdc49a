package com.zkcourse.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;

/**
 * Ctrl-C on a listening main: the main (awaitCtrlC), or the exit hook for it (closeOnExit), closes its
 * clients while the server still serves; then an embedded server stops.
 */
class AwaitCtrlCTest {

    @Test
    void onAnEmbeddedServerTheMainClosesFirstAndTheServerStopsAfter() throws Exception {
        // No -Dzk.connect, and the build's -Dzk.localServer=none (which ChildJvm passes on): an embedded server.
        try (ChildJvm.Running main = ChildJvm.start(List.of("zk.connect="), ListenUntilCtrlC.class.getName())) {
            String first = main.nextLine();
            int port = Integer.parseInt(first.replaceAll("^ZooKeeper server: 127\\.0\\.0\\.1:(\\d+) \\(embedded.*$", "$1"));
            assertEquals("listening", main.nextLine());

            assertEquals(143, main.stop());

            assertEquals(List.of("Ctrl-C: closing the client", "the server still answered after Ctrl-C"),
                    main.remainingLines());
            assertEquals("", main.stderr(), "no warning, no stack trace");
            assertEquals(List.of(), ListeningSockets.listeningAddresses(port), "the embedded server is stopped");
        }
    }

    @Test
    void onAnExternalServerTheSessionIsClosedNotLeftToTimeOut() throws Exception {
        try (EmbeddedZooKeeper external = EmbeddedZooKeeper.start();
                CuratorFramework observer = CuratorFrameworkFactory.newClient(external.connectString(), new RetryOneTime(100));
                ChildJvm.Running main = ChildJvm.start(List.of("zk.connect=" + external.connectString()),
                        ListenUntilCtrlC.class.getName())) {
            observer.start();
            main.lineStartingWith("listening");

            assertEquals(143, main.stop());

            assertEquals(List.of("Ctrl-C: closing the client", "the server still answered after Ctrl-C"),
                    main.remainingLines());
            // A session closed by its client takes its ephemeral nodes at once; one abandoned by a halted JVM
            // would keep them until the session timeout.
            assertNull(observer.checkExists().forPath("/listening"));
        }
    }

    @Test
    void closeOnExitClosesTheSessionOnAnExternalServer() throws Exception {
        try (EmbeddedZooKeeper external = EmbeddedZooKeeper.start();
                CuratorFramework observer = CuratorFrameworkFactory.newClient(external.connectString(), new RetryOneTime(100));
                ChildJvm.Running main = ChildJvm.start(List.of("zk.connect=" + external.connectString()),
                        BlockedUntilKilled.class.getName())) {
            observer.start();
            main.lineStartingWith("blocked");
            assertEquals(143, main.stop());
            assertNull(observer.checkExists().forPath("/blocked"), "the session was closed, not left to time out");
        }
    }
}
