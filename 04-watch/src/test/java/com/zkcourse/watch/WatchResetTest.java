package com.zkcourse.watch;

import static com.zkcourse.watch.Recorder.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.ChapterReset;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.Workspace;

/** exec:java@reset with this chapter's chapter-state.txt: exactly /watch goes, its starting nodes come back. */
class WatchResetTest {

    /** Where a test hands the reset a copy of chapter-state.txt (Workspace.chapterStateIn). */
    @TempDir
    Path dir;

    /** The starting nodes, as chapter-state.txt lists them and the demos start from. */
    // "create /watch" without data: the node has none at all (null), as after zkCli's "create /watch".
    private static final Map<String, String> STARTING_NODES = new TreeMap<>(Map.ofEntries(
            Map.entry("/watch", "null"),
            Map.entry("/watch/once", "v0"),
            Map.entry("/watch/persistent", "v0"),
            Map.entry("/watch/app1", "itheima"),
            Map.entry("/watch/app2", "hehe"),
            Map.entry("/watch/app2/p0", "zero"),
            Map.entry("/watch/app3", "tree"),
            Map.entry("/watch/app3/p0", "zero"),
            Map.entry("/watch/app4", "cache"),
            Map.entry("/watch/app4/p0", "zero"),
            Map.entry("/watch/session", "null"),
            Map.entry("/watch/session/config", "v0")));

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() {
        client = zk.closeAfterAll(CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100)));
        client.start();
    }

    @Test
    void resetRemovesExactlyWatchAndPutsItsStartingNodesBack() throws Exception {
        for (String root : List.of("/watch", "/crud", "/lock", "/watchers")) {
            client.delete().quietly().deletingChildrenIfNeeded().forPath(root); // whatever another test left
        }
        // What a student leaves behind: changed data, extra nodes, missing ones; and other chapters' nodes.
        client.create().creatingParentsIfNeeded().forPath("/watch/app1", bytes("changed"));
        client.create().creatingParentsIfNeeded().forPath("/watch/app3/p1/deep", bytes("x"));
        client.create().forPath("/watch/mine", bytes("student"));
        client.create().creatingParentsIfNeeded().forPath("/crud/app1", bytes("itheima"));
        client.create().creatingParentsIfNeeded().forPath("/lock/tickets", bytes("10"));
        client.create().forPath("/watchers", bytes("not this chapter: only its name starts like it"));
        Map<String, String> zookeeperBefore = tree("/zookeeper");

        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), Workspace.chapterStateIn(dir).toString());

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of(
                "ZooKeeper server: " + zk.connectString() + " (chosen with -Dzk.connect)",
                "  deleted /watch and the 5 znodes under it",
                "  created /watch",
                "  created /watch/once = v0",
                "  created /watch/persistent = v0",
                "  created /watch/app1 = itheima",
                "  created /watch/app2 = hehe",
                "  created /watch/app2/p0 = zero",
                "  created /watch/app3 = tree",
                "  created /watch/app3/p0 = zero",
                "  created /watch/app4 = cache",
                "  created /watch/app4/p0 = zero",
                "  created /watch/session",
                "  created /watch/session/config = v0",
                "Reset of 04-watch done: its znodes are back at the starting state."), result.stdoutLines());
        assertEquals(STARTING_NODES, tree("/watch"));
        assertEquals(Map.of("/crud", "", "/crud/app1", "itheima"), tree("/crud"));
        assertEquals(Map.of("/lock", "", "/lock/tickets", "10"), tree("/lock"));
        assertEquals(Map.of("/watchers", "not this chapter: only its name starts like it"), tree("/watchers"));
        assertEquals(zookeeperBefore, tree("/zookeeper"));
        assertEquals(List.of("crud", "lock", "watch", "watchers", "zookeeper"),
                client.getChildren().forPath("/").stream().sorted().toList());
    }

    @Test
    void eachDemoLeavesItsOwnNodesAndResetBringsBackTheStart() throws Exception {
        ChildJvm.Result demo = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                TreeCacheDemo.class.getName());
        assertEquals(0, demo.exitCode(), demo.stderr());
        assertEquals("aaa", Recorder.text(client.getData().forPath("/watch/app3")), "the demo's last state");

        ChildJvm.Result reset = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), Workspace.chapterStateIn(dir).toString());
        assertEquals(0, reset.exitCode(), reset.stderr());
        assertEquals(STARTING_NODES, tree("/watch"));
    }

    /** Path -> data of a node and everything under it. */
    private static Map<String, String> tree(String path) throws Exception {
        Map<String, String> nodes = new TreeMap<>();
        nodes.put(path, Recorder.text(client.getData().forPath(path)));
        for (String child : client.getChildren().forPath(path)) {
            nodes.putAll(tree(path + "/" + child));
        }
        return nodes;
    }
}
