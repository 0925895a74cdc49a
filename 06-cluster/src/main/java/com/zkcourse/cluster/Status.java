package com.zkcourse.cluster;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.common.X509Exception.SSLContextException;

/**
 * What one server says about itself when asked {@code srvr}, the four-letter word chapter 01's
 * {@code zkServer.sh status} sends (through ZooKeeper's own {@link FourLetterWordMain}): its mode and the zxid
 * of the last transaction it applied. A server that cannot answer is described by its process instead.
 */
record Status(Mode mode, long zxid) {

    enum Mode {
        LEADER, FOLLOWER, OBSERVER,
        /** Running, answering, but without a quorum: it serves no client request. */
        NOT_SERVING,
        /** The process is stopped with SIGSTOP: it holds its sockets but answers nothing. */
        FROZEN,
        /** The process runs but does not answer (still starting up). */
        NO_ANSWER,
        NOT_RUNNING;

        boolean serving() {
            return this == LEADER || this == FOLLOWER || this == OBSERVER;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final Pattern MODE = Pattern.compile("^Mode: (\\w+)$", Pattern.MULTILINE);
    private static final Pattern ZXID = Pattern.compile("^Zxid: 0x([0-9a-fA-F]+)$", Pattern.MULTILINE);

    /** The answer to {@code srvr} at host:port, or null when none came within {@code timeoutMs}. */
    static Status ask(Layout.Address server, int timeoutMs) {
        String answer;
        try {
            answer = FourLetterWordMain.send4LetterWord(server.host(), server.clientPort(), "srvr", false, timeoutMs);
        } catch (IOException | RuntimeException | SSLContextException e) {
            return null;
        }
        if (answer.contains("not currently serving")) {
            return new Status(Mode.NOT_SERVING, -1);
        }
        Matcher mode = MODE.matcher(answer);
        Matcher zxid = ZXID.matcher(answer);
        if (!mode.find()) {
            return null;
        }
        return new Status(Mode.valueOf(mode.group(1).toUpperCase(Locale.ROOT)),
                zxid.find() ? Long.parseUnsignedLong(zxid.group(1), 16) : -1);
    }

    /** The epoch: the high 32 bits of a zxid, one more with every leader the ensemble elects. */
    long epoch() {
        return zxid >>> 32;
    }

    /** Such as "leader      zxid 0x300000012 (epoch 3)", or just the mode when there is no zxid. */
    String describe() {
        return zxid < 0 ? mode.toString()
                : String.format(Locale.ROOT, "%-11s zxid 0x%x (epoch %d)", mode, zxid, epoch());
    }
}
