package com.zkcourse.cli;

import java.util.List;

import org.opentest4j.AssertionFailedError;

import com.zkcourse.testing.OutputMask;

/**
 * Compares what the replay printed with what a lesson file expects, line by line, with only the genuinely
 * variable parts masked on both sides: ports, zxids, dates, session ids, sequence numbers.
 */
final class Transcripts {

    /**
     * The course's standard mask: ports, 0x... zxids and session ids (not 0x0: an ephemeralOwner of 0x0 says
     * "persistent"), the decimal zxid of a WatchedEvent, dates, sequence numbers. The prompt's counter is
     * checked: it counts the same commands every time.
     */
    static final OutputMask MASK = OutputMask.standard();

    private Transcripts() {
    }

    /** The lines as compared: masked, and without trailing blanks (zkCli's help pads some lines with one). */
    static List<String> masked(List<String> lines) {
        return MASK.apply(lines.stream().map(String::stripTrailing).toList());
    }

    /** Fails, naming the lesson file's line and the command it belongs to, where the two first differ. */
    static void assertSame(Lesson lesson, List<String> printed) {
        List<String> expected = masked(lesson.transcript());
        List<String> actual = masked(printed);
        int lines = Math.min(expected.size(), actual.size());
        for (int i = 0; i < lines; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw difference(lesson, i, expected.get(i), actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            throw difference(lesson, lines,
                    expected.size() > lines ? expected.get(lines) : "(end of the lesson)",
                    actual.size() > lines ? actual.get(lines) : "(nothing more)");
        }
    }

    private static AssertionFailedError difference(Lesson lesson, int index, String expected, String actual) {
        int line = lesson.transcriptLine() + index;
        String command = "the start of zkCli";
        for (Lesson.Step step : lesson.steps()) {
            if (step.line() <= line && !step.startsZkCli()) {
                command = "'" + step.command() + "'";
            }
        }
        return new AssertionFailedError("lessons/" + lesson.file().getFileName() + " line " + line + " (output of "
                + command + ") differs from the replay:\n  expected: " + expected + "\n  replayed: " + actual,
                expected, actual);
    }
}
