package com.zkcourse.watch.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.LoopbackServer;

/** Checks exercise 2, {@link ChildEvents}, on a real server: another client makes the changes. */
class ChildEventsCheck {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;
    private static CuratorFramework other;

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(CheckClients.connected(zk.connectString()));
        other = zk.closeAfterAll(CheckClients.connected(zk.connectString()));
    }

    @Test
    void countsTheChildrensChangesFromTheStartOnly() throws Exception {
        other.create().creatingParentsIfNeeded().forPath("/e2/app/a/x", "grandchild".getBytes(UTF_8));
        other.create().forPath("/e2/app/b", "there already".getBytes(UTF_8));

        try (ChildEvents counts = ChildEvents.start(client, "/e2/app")) {
            assertEquals(List.of(0, 0, 0), List.of(counts.created(), counts.changed(), counts.deleted()),
                    "created, changed, deleted right after start(): the children there already are not counted");

            other.setData().forPath("/e2/app", "the node itself: not counted".getBytes(UTF_8));
            other.create().forPath("/e2/app/a/y", "a grandchild: not counted".getBytes(UTF_8));
            for (String child : List.of("c", "d", "e")) {
                other.create().forPath("/e2/app/" + child, "new".getBytes(UTF_8));
            }
            other.setData().forPath("/e2/app/c", "changed".getBytes(UTF_8));
            other.delete().forPath("/e2/app/d");
            other.delete().forPath("/e2/app/e");

            // The cache tells its listeners in the order of the changes: once the last delete is counted, all is.
            CheckClients.await(() -> counts.deleted() >= 2, 20,
                    () -> "two deletes counted; created(), changed(), deleted() = " + List.of(counts.created(),
                            counts.changed(), counts.deleted()));
            assertEquals(List.of(3, 1, 2), List.of(counts.created(), counts.changed(), counts.deleted()),
                    "created, changed, deleted after 3 creates, 1 change and 2 deletes of children (and changes that"
                            + " are not a child's: the node itself, a grandchild)");
        }
    }
}
