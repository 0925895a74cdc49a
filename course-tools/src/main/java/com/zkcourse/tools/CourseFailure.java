package com.zkcourse.tools;

/**
 * Something the student can put right: a server that does not answer, a misspelled switch, a lesson that does
 * not exist. The message is the whole story in one line, naming what was wrong and what to do; a main run
 * through {@link CourseMain} prints it, prefixed with the chapter, instead of a stack trace, and exits with
 * status 2.
 */
public class CourseFailure extends RuntimeException {

    public CourseFailure(String oneLine) {
        super(oneLine);
    }
}
