package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.CheckClients;
import com.zkcourse.testing.CheckServer;

/** Checks exercise 3, {@link VersionedAppend}, on a real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the simplest case first: its failure says the most
class VersionedAppendCheck {

    @RegisterExtension
    static final CheckServer zk = new CheckServer();

    @Test
    @Order(1)
    void nobodyInBetweenOneTry() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e3/alone", "a".getBytes(UTF_8));
        assertEquals(1, VersionedAppend.append(zk.client(), "/e3/alone", "b"), "the tries append(...) returned");
        assertEquals("ab", text("/e3/alone"));
    }

    @Test
    @Order(2)
    void anotherClientWritesBetweenTheReadAndTheWrite() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e3/raced", "a".getBytes(UTF_8));
        CuratorFramework interrupted = InterruptedClient.beforeItsFirstWrite(zk.client(),
                () -> zk.other().setData().forPath("/e3/raced", "a+other".getBytes(UTF_8)));

        int tries = VersionedAppend.append(interrupted, "/e3/raced", "+mine");

        assertEquals("a+other+mine", text("/e3/raced"),
                "another client wrote \"a+other\" after the exercise read \"a\": its append must not be lost");
        assertEquals(2, tries, "the first write found a newer version and failed; the second try succeeded");
    }

    @Test
    @Order(3)
    void fourClientsAppendingAtOnceLoseNothing() throws Exception {
        zk.client().create().creatingParentsIfNeeded().forPath("/e3/log", new byte[0]);
        List<CuratorFramework> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                CuratorFramework own = CheckClients.connected(zk.connectString());
                clients.add(own);
                String name = "c" + c;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        VersionedAppend.append(own, "/e3/log", "[" + name + "-" + i + "]");
                    }
                    return null;
                }));
            }
            for (Future<?> one : running) {
                one.get();
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(CuratorFramework::close);
        }
        String log = text("/e3/log");
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 15; i++) {
                String entry = "[c" + c + "-" + i + "]";
                assertEquals(1, count(log, entry), entry + " appears once in the log: " + log);
            }
        }
        Stat stat = zk.client().checkExists().forPath("/e3/log");
        assertEquals(60, stat.getVersion(), "60 appends, each one write: the dataVersion");
    }

    private static String text(String path) throws Exception {
        return new String(zk.client().getData().forPath(path), UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
