package com.zkcourse.watch.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.CheckServer;

/** Checks exercise 3, {@link EveryValue}, on a real server: another client sets five values, one at a time. */
class EveryValueCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    void everyValueInOrder() throws Exception {
        zk.other().create().creatingParentsIfNeeded().forPath("/e3/config", "v0".getBytes(UTF_8));
        EveryValue follower = EveryValue.follow(zk.client(), "/e3/config");
        List<String> expected = new ArrayList<>(List.of("v0"));
        assertEquals(expected, follower.values(), "the values right after follow(): the one there now");

        for (int i = 1; i <= 5; i++) {
            String value = "v" + i;
            zk.other().setData().forPath("/e3/config", value.getBytes(UTF_8));
            expected.add(value);
            // One change at a time: each is seen before the next is made, so none can be merged into another.
            CheckClients.await(() -> follower.values().size() >= expected.size(), 20,
                    () -> "after setting " + value + " the values are " + follower.values() + ", expected " + expected
                            + " (a one-shot watch fires once: does the watcher set the next one?)");
        }
        assertEquals(expected, follower.values(), "every value, in order");
    }
}
