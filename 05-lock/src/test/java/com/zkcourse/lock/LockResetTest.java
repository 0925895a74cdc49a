package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.Workspace;
import com.zkcourse.tools.ChapterReset;

/** exec:java@reset with this chapter's chapter-state.txt: exactly /lock goes, and a new sale is open. */
class LockResetTest {

    /** Where the test hands the reset a copy of chapter-state.txt: never the chapter's own folder. */
    @TempDir
    Path dir;

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.connect(zk.connectString(), Clients.SESSION_MS));
    }

    @Test
    void resetDeletesLockAndOpensANewSaleThatSellersSellFrom() throws Exception {
        // What the demos leave: a sold-out sale, a ledger, other demos' locks. And another chapter's node.
        Sale.open(client);
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Ctrip"), Seller.Guard.LOCK_AND_FENCE, 0, ticket -> { },
                line -> { });
        // The sale's lock path is an empty container now, which the server may delete any moment: gone, the
        // count below does not depend on when.
        client.delete().quietly().forPath(Sale.MUTEX);
        client.create().creatingParentsIfNeeded().forPath("/lock/recipe/leftover", "x".getBytes(UTF_8));
        client.create().creatingParentsIfNeeded().forPath("/watch/app1", "itheima".getBytes(UTF_8));
        client.create().forPath("/lockers", "not this chapter: only its name starts like it".getBytes(UTF_8));

        ChildJvm.Result reset = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString()),
                ChapterReset.class.getName(), Workspace.chapterStateIn(dir).toString());

        assertEquals(0, reset.exitCode(), reset.stderr());
        assertEquals(List.of(
                "ZooKeeper server: " + zk.connectString() + " (chosen with -Dzk.connect)",
                "  deleted /lock and the 15 znodes under it",
                "  created /lock",
                "  created /lock/12306",
                "  created /lock/12306/tickets = 10",
                "  created /lock/12306/sold",
                "Reset of 05-lock done: its znodes are back at the starting state."), reset.stdoutLines());
        assertEquals(Map.of("/lock", "null", "/lock/12306", "null", "/lock/12306/tickets", "10", "/lock/12306/sold", "null"),
                tree("/lock"));
        assertEquals("itheima", new String(client.getData().forPath("/watch/app1"), UTF_8));
        assertEquals("not this chapter: only its name starts like it", new String(client.getData().forPath("/lockers"), UTF_8));

        // The reset sale is one a seller sells from as it is (it only opens a sale where there is none).
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Fliggy"), Seller.Guard.LOCK_AND_FENCE, 0, ticket -> { },
                line -> { });
        Ledger ledger = Ledger.read(client);
        assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), ledger.soldBy("Fliggy"));
        assertEquals(0, ledger.left());
    }

    /** Path -> data ("null" for none) of a node and everything under it. */
    private static Map<String, String> tree(String path) throws Exception {
        Map<String, String> nodes = new TreeMap<>();
        byte[] data = client.getData().forPath(path);
        nodes.put(path, data == null ? "null" : new String(data, UTF_8));
        for (String child : client.getChildren().forPath(path)) {
            nodes.putAll(tree(path + "/" + child));
        }
        return nodes;
    }
}
