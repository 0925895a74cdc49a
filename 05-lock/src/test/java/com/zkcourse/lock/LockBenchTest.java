package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;

/** The bench is not a timed test: this only checks that it runs and prints its table, with short rounds. */
class LockBenchTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();

    @Test
    void theBenchPrintsCyclesPerSecondAndRatiosForEveryKind() throws Exception {
        ChildJvm.Result result = ChildJvm.run(120, List.of("zk.connect=" + zk.connectString(),
                "bench.rounds=1", "bench.millis=100"), LockBench.class.getName());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr());
        List<String> lines = result.stdoutLines();
        assertEquals(10, lines.size(), result.stdout());
        assertEquals("Median of 1 rounds of 100 ms each; fsync on (ZooKeeper's default): cycles per second, and the"
                + " median of each round's ratio", lines.get(1));
        String figures = " +\\d+ +\\d+\\.\\d\\d";
        assertTrue(lines.get(3).matches("floor: create \\+ getChildren \\+ delete, raw client" + figures), lines.get(3));
        assertTrue(lines.get(3).endsWith(" 1.00"), lines.get(3));
        assertTrue(lines.get(4).matches("InterProcessMutex, 1 client" + figures), lines.get(4));
        assertTrue(lines.get(5).matches("InterProcessMutex, 2 clients contending" + figures), lines.get(5));
        assertTrue(lines.get(6).matches("InterProcessMutex, 4 clients contending" + figures), lines.get(6));
        assertTrue(lines.get(8).matches("plain sale: lock, read, setData, create" + figures), lines.get(8));
        assertTrue(lines.get(8).endsWith(" 1.00"), lines.get(8));
        assertTrue(lines.get(9).matches("fenced sale: lock, read, one transaction" + figures), lines.get(9));
    }

    @Test
    void aCountThatIsNotAPositiveNumberIsRefusedWithOneLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, List.of("zk.connect=" + zk.connectString(), "bench.rounds=many"),
                LockBench.class.getName());
        assertEquals(2, result.exitCode());
        assertEquals(List.of(), result.stdoutLines());
        assertEquals(List.of("05-lock: bench: -Dbench.rounds=many is not a positive whole number (for example"
                + " -Dbench.rounds=10)"), result.stderrLines());
    }
}
