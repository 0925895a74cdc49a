package com.zkcourse.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;

/** The bench is not a timed test: this only checks that it runs and prints its table, with a few changes. */
class WatchBenchTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void theBenchPrintsP50AndP99ForTheRoundTripAndBothCaches() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(),
                "bench.changes=20", "bench.warmup=5"), WatchBench.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdoutLines();
        assertEquals(6, lines.size(), result.stdout());
        assertEquals("20 changes each, after 5 warm-up changes; from the call to setData() until the listener has the"
                + " new data:", lines.get(1));
        String figures = " +\\d+\\.\\d{3} ms +\\d+\\.\\d{3} ms +\\d+\\.\\d{2}x";
        assertTrue(lines.get(3).matches("setData\\(\\) round trip" + figures), lines.get(3));
        assertTrue(lines.get(3).endsWith(" 1.00x"), lines.get(3));
        assertTrue(lines.get(4).matches("NodeCache listener" + figures), lines.get(4));
        assertTrue(lines.get(5).matches("CuratorCache listener" + figures), lines.get(5));
    }

    @Test
    void aCountThatIsNotAPositiveNumberIsRefusedWithOneLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(),
                "bench.changes=lots"), WatchBench.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines());
        assertEquals(List.of("04-watch: bench: -Dbench.changes=lots is not a positive whole number (for example"
                + " -Dbench.changes=1000)"), result.stderrLines());
    }
}
