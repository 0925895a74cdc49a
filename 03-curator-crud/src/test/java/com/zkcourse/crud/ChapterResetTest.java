package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.nio.file.Path;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.ChapterReset;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.Workspace;

/** exec:java@reset with this chapter's chapter-state.txt: exactly /crud, put back as it starts. */
class ChapterResetTest {

    /** Where a test hands the reset a copy of chapter-state.txt (Workspace.chapterStateIn). */
    @TempDir
    Path dir;

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework zkCli;

    @BeforeAll
    static void connect() throws Exception {
        zkCli = zk.closeAfterAll(Clients.plain(zk.connectString()));
    }

    @Test
    void resetRemovesExactlyTheChaptersZnodesAndPutsBackItsFixtures() throws Exception {
        // What a student may leave: the demos' nodes, and deeper ones of their own.
        zkCli.create().creatingParentsIfNeeded().forPath("/crud/app1", "127.0.0.1".getBytes(UTF_8));
        zkCli.create().creatingParentsIfNeeded().forPath("/crud/app4/p1/mine", "x".getBytes(UTF_8));
        zkCli.setData().forPath("/crud", "changed".getBytes(UTF_8));
        // What is not the chapter's: another chapter's root, a look-alike name, the server's own node.
        zkCli.create().creatingParentsIfNeeded().forPath("/watch/keep", "other chapter".getBytes(UTF_8));
        zkCli.create().forPath("/crudx", "not /crud".getBytes(UTF_8));

        // The same main and file as the pom's exec:java@reset (a copy: the exercise files stay as they are).
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), Workspace.chapterStateIn(dir).toString());

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of(
                "ZooKeeper server: " + zk.connectString() + " (chosen with -Dzk.connect)",
                "  deleted /crud and the 4 znodes under it",
                "  created /crud",
                "Reset of 03-curator-crud done: its znodes are back at the starting state."), result.stdoutLines());
        Stat stat = new Stat();
        assertNull(zkCli.getData().storingStatIn(stat).forPath("/crud"), "no data, as after zkCli's create /crud");
        assertEquals(0, stat.getNumChildren());
        assertEquals(0, stat.getEphemeralOwner());
        assertArrayEquals("other chapter".getBytes(UTF_8), zkCli.getData().forPath("/watch/keep"));
        assertArrayEquals("not /crud".getBytes(UTF_8), zkCli.getData().forPath("/crudx"));
        assertNotNull(zkCli.checkExists().forPath("/zookeeper/config"));
    }
}
