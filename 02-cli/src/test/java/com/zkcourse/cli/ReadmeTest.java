package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.tools.ChapterReset;
import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.testing.Workspace;

/** What README.md quotes is what the mains print, in a JVM of their own (variable parts masked). */
class ReadmeTest {

    /** Where the test hands the reset a copy of the chapter, as a fresh clone has it (Workspace.chapterCopyIn). */
    @TempDir
    Path dir;

    private static final Path README = Path.of("README.md");

    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    @Test
    void everyQuoteIsCheckedHere() throws IOException {
        assertEquals(List.of("replay-08-watch", "reset"), ReadmeQuotes.names(README));
    }

    @Test
    void theQuotedReplayIsWhatTheTourPrints() throws Exception {
        ChildJvm.Result replay = ChildJvm.run(60,
                List.of("zk.connect=" + server.connectString(), "lesson=08-watch"), LessonReplay.class.getName());

        assertEquals(0, replay.exitCode(), replay.stderr());
        assertEquals(Transcripts.masked(ReadmeQuotes.quoted(README, "replay-08-watch")),
                Transcripts.masked(replay.stdoutLines()));
    }

    @Test
    void theQuotedResetIsWhatTheResetPrints() throws Exception {
        ChapterPaths.read(Replays.CHAPTER_STATE).prepare(server.connectString(), List.of()); // no /app1../app4
        try (ZooKeeperClients.Session session = ZooKeeperClients.connect(server.connectString())) {
            ZooKeeper zk = session.zk();
            // What typing along under the chapter's paths may leave (the quote's situation).
            ZooKeeperClients.create(zk, "/app1/typed/along", "x");
            ZooKeeperClients.create(zk, "/app4/seq-0000000000", null);
        }

        ChildJvm.Result reset = ChildJvm.run(60, List.of("zk.connect=" + server.connectString()),
                ChapterReset.class.getName(), Workspace.chapterCopyIn(dir).toString());

        assertEquals(0, reset.exitCode(), reset.stderr());
        assertEquals(Transcripts.masked(ReadmeQuotes.quoted(README, "reset")), Transcripts.masked(reset.stdoutLines()));
    }
}
