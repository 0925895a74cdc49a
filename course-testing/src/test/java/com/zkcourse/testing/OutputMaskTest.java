package com.zkcourse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

class OutputMaskTest {

    private final OutputMask mask = OutputMask.standard();

    @Test
    void masksWhatChangesFromRunToRun() {
        assertEquals("ZooKeeper server: <which>", mask.apply("ZooKeeper server: 127.0.0.1:41523 (chosen with -Dzk.connect)"));
        assertEquals("[zk: <server>(CONNECTED) 12] ls /", mask.apply("[zk: 127.0.0.1:2181(CONNECTED) 12] ls /"));
        assertEquals("WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: <zxid>",
                mask.apply("WatchedEvent state:SyncConnected type:NodeDataChanged path:/app1 zxid: 37"));
        assertEquals("cZxid = 0x<hex>", mask.apply("cZxid = 0x1a"));
        assertEquals("ctime = <date>", mask.apply("ctime = Wed Nov 25 09:31:16 UTC 2026"));
        assertEquals("/lock/_c_x-lock-<seq>", mask.apply("/lock/_c_x-lock-0000000003"));
        assertEquals("took <n> ms, mtime <millis>", mask.apply("took 3.25 ms, mtime 1764063076000"));
        assertEquals("connected to localhost:<port>", mask.apply("connected to localhost:2181"));
    }

    @Test
    void leavesEverythingElseAlone() {
        String lesson = "create /app1 itheima\nCreated /app1\ndataLength = 7\nnumChildren = 0";
        assertEquals(lesson, mask.apply(lesson));
        assertNotEquals(mask.apply("dataVersion = 1"), mask.apply("dataVersion = 2"));
        assertNotEquals(mask.apply("[zk: localhost:2181(CONNECTED) 1]"), mask.apply("[zk: localhost:2181(CONNECTED) 2]"));
        assertEquals("ephemeralOwner = 0x0", mask.apply("ephemeralOwner = 0x0"), "0x0 means persistent: kept");
        assertEquals("zxid: -1", mask.apply("zxid: -1"), "no zxid is the same in every run");
    }

    @Test
    void moreRulesCanBeAdded() {
        assertEquals("Thread[#<id>,t1]", mask.and("#\\d+", "#<id>").apply("Thread[#31,t1]"));
    }

    @Test
    void readsTheBlockQuotedUnderAMarker(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Notes\n\n<!-- output: demo -->\n```text\nline one\n\nline three\n```\n"
                + "<!-- output: other -->\n```\n```\n");
        assertEquals(List.of("line one", "", "line three"), ReadmeQuotes.quoted(readme, "demo"));
        assertEquals(List.of(), ReadmeQuotes.quoted(readme, "other"));
        assertEquals(List.of("demo", "other"), ReadmeQuotes.names(readme));
        assertThrows(AssertionError.class, () -> ReadmeQuotes.quoted(readme, "missing"));
    }
}
