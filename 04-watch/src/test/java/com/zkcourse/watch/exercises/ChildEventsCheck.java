package com.zkcourse.watch.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.CheckServer;

/** Checks exercise 2, {@link ChildEvents}, on a real server: another client makes the changes. */
class ChildEventsCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    void countsTheChildrensChangesFromTheStartOnly() throws Exception {
        zk.other().create().creatingParentsIfNeeded().forPath("/e2/app/a/x", "grandchild".getBytes(UTF_8));
        zk.other().create().forPath("/e2/app/b", "there already".getBytes(UTF_8));

        try (ChildEvents counts = ChildEvents.start(zk.client(), "/e2/app")) {
            assertEquals(List.of(0, 0, 0), List.of(counts.created(), counts.changed(), counts.deleted()),
                    "created, changed, deleted right after start(): the children there already are not counted");

            zk.other().setData().forPath("/e2/app", "the node itself: not counted".getBytes(UTF_8));
            zk.other().create().forPath("/e2/app/a/y", "a grandchild: not counted".getBytes(UTF_8));
            for (String child : List.of("c", "d", "e")) {
                zk.other().create().forPath("/e2/app/" + child, "new".getBytes(UTF_8));
            }
            // A cache is a view of the server, not a log of changes: a node created and deleted before the
            // cache read it is never announced. So each step waits until the cache has seen the one before.
            // The cache tells its listeners in the order of the changes: once a later one is counted, all
            // earlier ones are.
            awaitCounts(counts, 3, 0, 0, "after 3 creates of children (and changes to the node itself and a grandchild)");
            zk.other().setData().forPath("/e2/app/c", "changed".getBytes(UTF_8));
            awaitCounts(counts, 3, 1, 0, "after 1 change of a child");
            zk.other().delete().forPath("/e2/app/d");
            zk.other().delete().forPath("/e2/app/e");
            awaitCounts(counts, 3, 1, 2, "after 2 deletes of children");
        }
    }

    /** Waits until the counts reach what is expected, then checks they are exactly that (none counted twice). */
    private static void awaitCounts(ChildEvents counts, int created, int changed, int deleted, String when)
            throws InterruptedException {
        List<Integer> expected = List.of(created, changed, deleted);
        CheckClients.await(() -> counts.created() >= created && counts.changed() >= changed && counts.deleted() >= deleted,
                20, () -> "created(), changed(), deleted() " + when + ": " + List.of(counts.created(), counts.changed(),
                        counts.deleted()) + ", expected " + expected);
        assertEquals(expected, List.of(counts.created(), counts.changed(), counts.deleted()),
                "created(), changed(), deleted() " + when);
    }
}
