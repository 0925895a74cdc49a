package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ChildJvm;

/** The bench is not a timed test: this only checks that it measures and prints its table, with one quick run. */
class BenchTest {

    @BeforeAll
    static void install() throws Exception {
        // The bench installs chapter 01's ZooKeeper on first use and says so; this test checks only its table.
        ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void oneRunOfTheFastestSetupPrintsBothWaysOfLosingTheLeader() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            FailoverBench.run(out, 1, List.of(FailoverBench.SETUPS.get(FailoverBench.SETUPS.size() - 1)));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals("Failover of three ZooKeeper " + ChapterOneInstall.version() + " servers on this machine, median of"
                + " 1 run (fastest-slowest): from taking the leader away to", lines.get(0));
        assertEquals("kill -9 the leader", lines.get(2));
        assertEquals("SIGSTOP the leader (then SIGCONT)", lines.get(4));
        String figures = " +\\d+\\.\\d\\d s \\(\\d+\\.\\d\\d-\\d+\\.\\d\\d\\) +\\d+\\.\\d\\d s \\(\\d+\\.\\d\\d-\\d+\\.\\d\\d\\)";
        String name = "  the same, leaderConnectDelayDuringRetryMs=20";
        assertTrue(lines.get(3).matches(name + figures), lines.get(3));
        assertTrue(lines.get(5).matches(name + figures), lines.get(5));
    }

    @Test
    void aRunCountThatIsNotAPositiveNumberIsRefusedInOneLineBeforeAnyServerStarts() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("bench.runs=lots"), FailoverBench.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines());
        assertEquals(List.of("06-cluster: bench: -Dbench.runs=lots is not a positive whole number (for example"
                + " -Dbench.runs=5)"), result.stderrLines());
    }
}
