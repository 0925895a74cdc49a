package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ScriptRun;

/** What a server started by zkServer.sh keeps when its process is killed: a class of its own, it takes a while. */
class DurabilityTest {

    @TempDir
    static Path temp;
    static ZkHome zk;
    static final int WRITES = 200;

    @BeforeAll
    static void install() throws Exception {
        zk = ZkHome.install(temp.resolve("zookeeper"));
    }

    @AfterAll
    static void noServerOutlivesTheTests() throws Exception {
        zk.killEveryServer();
    }

    /**
     * 200 acknowledged creates, kill -9, start: all 200 are there. That shows what a crashed server process
     * loses: nothing it acknowledged. It does not show that the writes reached the disk: the kernel keeps what a
     * killed process wrote in its page cache and writes it out later, so the same happens with forceSync=no,
     * where the server never calls fsync. What forceSync=yes (the default) adds shows in mntr: one fsync of the
     * transaction log for each write this client waited for, before its acknowledgement. Only a power cut would
     * tell the two apart.
     */
    @ParameterizedTest(name = "forceSync={0}")
    @ValueSource(strings = {"yes", "no"})
    void acknowledgedWritesSurviveAKilledServerProcessWithOrWithoutFsync(String forceSync) throws Exception {
        Path config = zk.newConfig("durable-" + forceSync, Map.of("forceSync", forceSync));
        assertEquals(0, zk.start(config).exitCode());
        long fsyncsBefore = fsyncs(config);
        try (CuratorFramework client = client("127.0.0.1:" + ZkHome.clientPort(config))) {
            client.start();
            client.create().forPath("/durable");
            for (int i = 0; i < WRITES; i++) {
                // forPath returns once the server acknowledged the write.
                client.create().forPath("/durable/n" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        long fsyncs = fsyncs(config) - fsyncsBefore;
        if (forceSync.equals("yes")) {
            assertTrue(fsyncs >= WRITES, "at least one fsync per acknowledged write: " + fsyncs);
        } else {
            assertEquals(0, fsyncs, "forceSync=no: the server never fsyncs its log");
        }
        ProcessHandle server1 = ProcessHandle.of(ZkHome.pid(config)).orElseThrow();
        server1.destroyForcibly(); // kill -9: no shutdown, no flush, nothing graceful
        server1.onExit().get(30, TimeUnit.SECONDS);

        ScriptRun start = zk.start(config);
        assertEquals(0, start.exitCode(), "a stale pid file must not stop a start: " + start);
        try (CuratorFramework client = client("127.0.0.1:" + ZkHome.clientPort(config))) {
            client.start();
            assertEquals(WRITES, client.getChildren().forPath("/durable").size());
            for (int i = 0; i < WRITES; i++) {
                assertEquals("value-" + i, new String(client.getData().forPath("/durable/n" + i), StandardCharsets.UTF_8));
            }
        }
        assertEquals(0, zk.zkServer("stop", config).exitCode());
    }

    /** How often the server has fsynced its transaction log (mntr's zk_cnt_fsynctime). */
    private static long fsyncs(Path config) throws IOException {
        return ZkHome.fourLetterWord(config, "mntr").lines().filter(line -> line.startsWith("zk_cnt_fsynctime\t"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('\t') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("mntr has no zk_cnt_fsynctime"));
    }

    private static CuratorFramework client(String server) {
        return CuratorFrameworkFactory.newClient(server, 30_000, 10_000, new RetryNTimes(5, 500));
    }
}
