package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;

/** The guided tour, run as a student runs it, says what the README says it does, and leaves nothing behind. */
class InstallTourTest {

    /** What differs between runs of the tour, beyond the course-wide masks. */
    static final OutputMask TOUR_MASK = OutputMask.standard()
            .and("[^\\s=]*/zk-tour-\\d+", "<scratch>")
            .and("\\$ \\S*/01-install/bin/install\\.sh", "\\$ <workspace>/01-install/bin/install.sh")
            .and("(clientPort=|Client port found: )\\d+", "$1<port>")
            .and("\\b\\d+\\.\\d s\\b", "<n> s");

    @Test
    void theTourRunsEndToEndAsTheReadmeShows() throws Exception {
        ChildJvm.Result tour = ChildJvm.run(300, List.of(), InstallTour.class.getName());

        assertEquals(0, tour.exitCode(), tour.stdout() + tour.stderr());
        assertEquals(TOUR_MASK.apply(ReadmeQuotes.quoted(Path.of("README.md"), "tour")), TOUR_MASK.apply(tour.stdoutLines()));

        Path scratch = Path.of(tour.stdoutLines().stream().filter(line -> line.startsWith("$ cd ")).findFirst()
                .orElseThrow().substring("$ cd ".length()));
        assertFalse(Files.exists(scratch), "the scratch directory is deleted");
        int port = Integer.parseInt(tour.stdoutLines().get(0).replaceAll("^ZooKeeper server: 127\\.0\\.0\\.1:(\\d+) .*$", "$1"));
        assertEquals(List.of(), ListeningSockets.listeningAddresses(port), "the tour's server is stopped");
        assertTrue(tour.stderr().isEmpty(), tour.stderr());
    }
}
