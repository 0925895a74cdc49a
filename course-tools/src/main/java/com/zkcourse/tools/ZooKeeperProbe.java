package com.zkcourse.tools;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.common.X509Exception.SSLContextException;

/**
 * Asks "is a ZooKeeper server there?" with the {@code srvr} four-letter word, through ZooKeeper's own
 * client for it ({@link FourLetterWordMain}). {@code srvr} is the one word ZooKeeper 3.9 answers without
 * a whitelist entry, and a server that refuses a word still answers with a ZooKeeper sentence, so either
 * answer proves a ZooKeeper server is listening.
 */
final class ZooKeeperProbe {

    /** How long to wait for a server to answer before calling it absent. */
    static final int TIMEOUT_MS = 3_000;

    private ZooKeeperProbe() {
    }

    /** True when a ZooKeeper server answers at host:port. */
    static boolean answers(String hostAndPort) {
        return whyNoAnswer(hostAndPort) == null;
    }

    /**
     * Null when at least one server of the connect string ({@code host:port[,host:port...][/chroot]})
     * answers; otherwise why the first one did not, in a few words.
     */
    static String whyNoAnswer(String connectString) {
        String hosts = connectString.contains("/") ? connectString.substring(0, connectString.indexOf('/')) : connectString;
        String firstProblem = null;
        for (String hostAndPort : hosts.split(",")) {
            String problem = whyServerDoesNotAnswer(hostAndPort.trim());
            if (problem == null) {
                return null;
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        return firstProblem;
    }

    private static String whyServerDoesNotAnswer(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            return "'" + hostAndPort + "' is not host:port";
        }
        String host = hostAndPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return "'" + hostAndPort.substring(colon + 1) + "' is not a port number";
        }
        try {
            String reply = FourLetterWordMain.send4LetterWord(host, port, "srvr", false, TIMEOUT_MS);
            if (reply.contains("Zookeeper version") || reply.contains("not executed")
                    || reply.contains("not currently serving")) {
                return null;
            }
            return "something listens on " + hostAndPort + " but it does not answer like ZooKeeper";
        } catch (ConnectException e) {
            return "connection refused";
        } catch (SocketTimeoutException e) {
            return "no answer within " + TIMEOUT_MS + " ms";
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        } catch (IOException | SSLContextException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
