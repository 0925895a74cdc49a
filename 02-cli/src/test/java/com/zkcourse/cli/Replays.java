package com.zkcourse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The check behind every lesson test: replay a lesson file through the real zkCli, compare with the file. */
final class Replays {

    static final Path LESSONS = Path.of("lessons");
    static final Path CHAPTER_STATE = Path.of("chapter-state.txt");

    private Replays() {
    }

    /** Replays a lesson file; returns what the replay printed from the '$ zkCli.sh' line on. */
    static List<String> replay(Path lessonFile, String connectString) throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8)) {
            return LessonReplay.replay(Lesson.read(lessonFile), ChapterPaths.read(CHAPTER_STATE), connectString, out);
        }
    }

    /** Replays the lesson file and fails where the replay differs from what the file expects. */
    static void assertReplaysAsWritten(Path lessonFile, String connectString) throws Exception {
        Transcripts.assertSame(Lesson.read(lessonFile), replay(lessonFile, connectString));
    }
}
