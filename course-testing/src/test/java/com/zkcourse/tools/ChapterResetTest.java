package com.zkcourse.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.UnusedPort;

/** The reset behind exec:java@reset: exactly the chapter's znodes, nothing else. */
class ChapterResetTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        client = zk.closeAfterAll(CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100)));
        client.start();
    }

    @Test
    void resetDeletesTheRootsAndCreatesTheFixturesAndNothingElse() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/reset-a/old/deeper", bytes("student data"));
        client.create().creatingParentsIfNeeded().forPath("/reset-other-chapter/keep", bytes("keep me"));
        ChapterState state = ChapterState.read(write("""
                # a chapter with two roots
                chapter test-chapter
                root /reset-a
                root /reset-b
                create /reset-a
                create /reset-a/app1 itheima and more words
                """));

        List<String> done = ChapterReset.reset(zk.connectString(), state, state.fixtures());

        assertEquals(List.of("deleted /reset-a and the 2 znodes under it", "/reset-b was not there",
                "created /reset-a", "created /reset-a/app1 = itheima and more words"), done);
        assertEquals(List.of("app1"), client.getChildren().forPath("/reset-a"));
        assertNull(client.getData().forPath("/reset-a"), "a fixture without data has none, as after zkCli's create");
        assertEquals("itheima and more words", new String(client.getData().forPath("/reset-a/app1"), StandardCharsets.UTF_8));
        assertNull(client.checkExists().forPath("/reset-b"));
        assertEquals("keep me", new String(client.getData().forPath("/reset-other-chapter/keep"), StandardCharsets.UTF_8));
        assertNotNull(client.checkExists().forPath("/zookeeper/config"));
        assertTrue(state.owns("/reset-a/app1/deeper"));
        assertFalse(state.owns("/reset-ab"), "a look-alike of a root is not the chapter's");
    }

    @Test
    void resetTwiceGivesTheSameState() throws Exception {
        ChapterState state = ChapterState.read(write("chapter twice\nroot /reset-twice\ncreate /reset-twice/x 1\n"));
        ChapterReset.reset(zk.connectString(), state, state.fixtures());
        client.setData().forPath("/reset-twice/x", bytes("changed"));
        List<String> done = ChapterReset.reset(zk.connectString(), state, state.fixtures());
        assertEquals(List.of("deleted /reset-twice and the 1 znode under it", "created /reset-twice/x = 1"), done);
        assertEquals("1", new String(client.getData().forPath("/reset-twice/x"), StandardCharsets.UTF_8));
    }

    @Test
    void aStateFileMayNotClaimTheServersOwnNodes() throws Exception {
        for (String root : List.of("/", "/zookeeper", "/zookeeper/quota")) {
            Path file = write("chapter bad\nroot " + root + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChapterState.read(file));
            assertEquals("chapter-state.txt line 2: '" + root + "' belongs to the server; a chapter root must be a "
                    + "path of its own, such as /crud", e.getMessage());
        }
    }

    @Test
    void aStateFileIsCheckedLineByLine() throws Exception {
        assertEquals("chapter-state.txt line 2: unknown keyword 'rooot' (expected chapter, root or create)",
                assertThrows(IllegalArgumentException.class,
                        () -> ChapterState.read(write("chapter c\nrooot /x\n"))).getMessage());
        assertEquals("chapter-state.txt line 2: 'crud' is not a znode path: Path must start with / character",
                assertThrows(IllegalArgumentException.class,
                        () -> ChapterState.read(write("chapter c\nroot crud\n"))).getMessage());
        Path outside = write("chapter c\nroot /x\ncreate /y\n");
        assertEquals(outside + ": fixture /y is outside every root, so a reset could not remove it again",
                assertThrows(IllegalArgumentException.class, () -> ChapterState.read(outside)).getMessage());
    }

    @Test
    void theMainResetsTheServerNamedByTheConnectProperty() throws Exception {
        client.create().creatingParentsIfNeeded().forPath("/reset-main/leftover");
        Path file = write("chapter main-chapter\nroot /reset-main\ncreate /reset-main\n");
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), file.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of(
                "ZooKeeper server: " + zk.connectString() + " (chosen with -Dzk.connect)",
                "  deleted /reset-main and the 1 znode under it",
                "  created /reset-main",
                "Reset of main-chapter done: its znodes are back at the starting state."), result.stdoutLines());
        assertEquals(List.of(), client.getChildren().forPath("/reset-main"));
    }

    @Test
    void theMainExplainsWhenThereIsNoServerStateToReset() throws Exception {
        // No -Dzk.connect, and the local server address moved to a port where nothing listens (without
        // -Dzk.localServer the main would look on 127.0.0.1:2181, and rightly reset chapter 01's server there).
        Path file = write("chapter quiet\nroot /reset-quiet\n");
        try (UnusedPort nowhere = UnusedPort.reserve()) {
            ChildJvm.Result result = ChildJvm.run(60, List.of("zk.localServer=" + nowhere.address()),
                    ChapterReset.class.getName(), file.toString());
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(List.of("Reset of quiet: no server state to reset. No -Dzk.connect, and nothing answers on "
                    + nowhere.address() + "; the embedded server a main starts is always empty."), result.stdoutLines());
        }
    }

    @Test
    void theMainRejectsAMissingStateFileWithOneLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), dir.resolve("missing.txt").toString());
        assertEquals(2, result.exitCode());
        assertEquals(List.of("ChapterReset: reset: " + dir.resolve("missing.txt") + ": no such chapter state file"),
                result.stderrLines());
    }

    @Test
    void theMainRejectsAConnectPropertyThatPointsNowhere() throws Exception {
        try (UnusedPort unused = UnusedPort.reserve()) {
            String nowhere = unused.address();
            ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + nowhere, "course.chapter=03-curator-crud"),
                    ChapterReset.class.getName(), write("chapter c\nroot /c\n").toString());
            assertEquals(2, result.exitCode());
            assertEquals(1, result.stderrLines().size(), result.stderr());
            assertEquals("03-curator-crud: reset: -Dzk.connect=" + nowhere + ": no ZooKeeper server answers there "
                    + "(connection refused). Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use "
                    + "an embedded server.", result.stderrLines().get(0));
        }
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("chapter-state.txt");
        Files.writeString(file, content);
        return file;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
