package com.zkcourse.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.cluster.exercises.FreshRead;

/**
 * Checks exercise 3, {@link FreshRead}, on three real servers: one client writes through the leader, the other
 * reads through a follower, right after each write. Which calls the exercise made is recorded too: a read
 * without a sync before it is usually fresh on an idle machine, but not always.
 */
class FreshReadCheck {

    @RegisterExtension
    static final LaunchedEnsemble cluster = LaunchedEnsemble.forExerciseChecks();

    @Test
    void everyReadThroughAFollowerSeesTheWriteBeforeIt() throws Exception {
        Ensemble ensemble = cluster.ensemble();
        ServerProcess leader = ensemble.awaitLeader(ensemble.servers(), 30_000).orElseThrow().server();
        ServerProcess follower = ensemble.servers().stream().filter(server -> server != leader).findFirst().orElseThrow();
        try (CuratorFramework writer = Clients.patient(leader.address.client());
             CuratorFramework reader = Clients.patient(follower.address.client())) {
            writer.create().forPath("/e3", "v0".getBytes(UTF_8));
            List<String> calls = new CopyOnWriteArrayList<>();
            CuratorFramework recorded = recording(reader, calls);
            for (int i = 1; i <= 10; i++) {
                writer.setData().forPath("/e3", ("v" + i).getBytes(UTF_8));
                calls.clear();
                assertEquals("v" + i, new String(FreshRead.read(recorded, "/e3"), UTF_8),
                        "read through the follower " + follower.address.client() + " right after v" + i
                                + " was written through the leader");
                assertTrue(calls.contains("sync") && calls.indexOf("sync") < calls.lastIndexOf("getData"),
                        "the read must sync() before getData(); the calls were " + calls);
            }
        }
    }

    /** The same client, noting the name of every call made on it. */
    private static CuratorFramework recording(CuratorFramework client, List<String> calls) {
        return (CuratorFramework) Proxy.newProxyInstance(CuratorFramework.class.getClassLoader(),
                new Class<?>[] {CuratorFramework.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
