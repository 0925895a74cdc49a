package com.zkcourse.crud;

import com.zkcourse.tools.CourseFailure;

/**
 * A demo could not connect to the server it was given within its connection timeout. The message is the
 * one line a main prints (through CourseMain) before it exits with status 2, instead of hanging or printing
 * a stack trace.
 */
class NotConnectedException extends CourseFailure {

    NotConnectedException(String connectString, int waitedSeconds) {
        super("No connection to a ZooKeeper server at " + connectString + " within " + waitedSeconds + " s."
                + " Start one (01-install/bin/zkServer.sh start) or drop -Dzk.connect to use an embedded server.");
    }
}
