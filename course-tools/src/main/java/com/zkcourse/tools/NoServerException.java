package com.zkcourse.tools;

/** No ZooKeeper server answers where the student asked for one; the message is the one line to print. */
public class NoServerException extends Exception {

    public NoServerException(String message) {
        super(message);
    }
}
