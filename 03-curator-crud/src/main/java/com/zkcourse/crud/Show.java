package com.zkcourse.crud;

import org.apache.zookeeper.KeeperException;

/**
 * How the demos print a lesson, so every step looks the same:
 *
 * <pre>
 * 2. Create with data (the original course's testCreate)
 * client.create().forPath("/app2", "hehe".getBytes(UTF_8))   the call, as the code makes it
 *   -> "/app2"                                               what it returned (or the exception, in one line)
 * zk> get /crud/app2                                         the server side, as zkCli.sh shows it
 * hehe
 * </pre>
 *
 * Nothing here talks to ZooKeeper: the Curator calls stay in the demos, where a student reads them.
 */
final class Show {

    private Show() {
    }

    /** The heading of a demo. */
    static void title(String text) {
        System.out.println();
        System.out.println("=== " + text + " ===");
    }

    /** A numbered step, after an empty line. */
    static void step(int number, String text) {
        System.out.println();
        System.out.println(number + ". " + text);
    }

    /**
     * A call exactly as the code below it makes it: one string literal, which NotesAndCodeTest finds as code in
     * the same demo, so the two cannot drift apart.
     */
    static void call(String code) {
        System.out.println(code);
    }

    /** What the call returned, or what came of it. */
    static void result(String text) {
        System.out.println("  -> " + text);
    }

    /** An explanation under a result. */
    static void note(String text) {
        System.out.println("  " + text);
    }

    /** A line of its own (setup, remarks). */
    static void line(String text) {
        System.out.println(text);
    }

    /**
     * An expected failure, in one line: the exception's class, the znode it names (the full path on the
     * server) and why it happened. Never a stack trace: the exception is the lesson, not a crash.
     */
    static void failure(Exception e, String why) {
        String path = e instanceof KeeperException keeperException && keeperException.getPath() != null
                ? " for " + keeperException.getPath()
                : "";
        result(e.getClass().getSimpleName() + path + ": " + why);
    }

    /** A Java string literal, as the demos print returned strings and data: "/app1". */
    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
