package com.zkcourse.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.ListeningSockets;
import com.zkcourse.testing.OutputMask;
import com.zkcourse.testing.ReadmeQuotes;
import com.zkcourse.testing.Workspace;
import com.zkcourse.tools.CourseFailure;

/** The guided tour, run as a student runs it, says what the README says it does, and leaves nothing behind. */
class InstallTourTest {

    /** What differs between runs of the tour, beyond the course-wide masks. */
    static final OutputMask TOUR_MASK = OutputMask.standard()
            // A start that met its port taken by another program, and the tour moving on (rare: see InstallTour.start).
            .and("(?m)^\\$ zookeeper/bin/zkServer\\.sh start\\n(.*\\n)*?\\(client port \\d+ was taken.*\\n", "")
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
        String lastPort = tour.stdoutLines().stream().filter(line -> line.startsWith("clientPort=")).reduce((a, b) -> b)
                .orElseThrow().substring("clientPort=".length());
        assertEquals(List.of(), ListeningSockets.listeningAddresses(Integer.parseInt(lastPort)), "the tour's server is stopped");
        assertTrue(tour.stderr().isEmpty(), tour.stderr());
    }

    /** The pom passes the chapter directory; an IDE may start the tour from the workspace or any module instead. */
    @Test
    void theTourFindsItsChapterFromTheWorkspaceOrAModule(@TempDir Path elsewhere) {
        Path chapter = Workspace.root().resolve("01-install");
        assertEquals(chapter, InstallTour.chapterDirectory(new String[0], Workspace.root()));
        assertEquals(chapter, InstallTour.chapterDirectory(new String[0], chapter));
        assertEquals(chapter, InstallTour.chapterDirectory(new String[0], Workspace.root().resolve("02-cli")));
        assertEquals(chapter, InstallTour.chapterDirectory(new String[] {chapter.toString()}, elsewhere));
        CourseFailure lost = assertThrows(CourseFailure.class, () -> InstallTour.chapterDirectory(new String[0], elsewhere));
        assertEquals("cannot find the chapter's bin/install.sh in " + elsewhere + " or above it: run the tour from the "
                + "workspace (./mvnw -q -pl 01-install -am compile exec:java)", lost.getMessage());
    }

    @Test
    void aTourThatCannotRunSaysSoInOneLineNamingTheChapter(@TempDir Path elsewhere) throws Exception {
        ChildJvm.Result tour = ChildJvm.run(60, List.of(), InstallTour.class.getName(), elsewhere.toString());

        assertEquals(2, tour.exitCode());
        assertEquals("", tour.stdout());
        assertEquals(List.of("01-install: cannot find the chapter's bin/install.sh in " + elsewhere + ": run the tour "
                + "from the workspace (./mvnw -q -pl 01-install -am compile exec:java)"), tour.stderrLines());
    }
}
