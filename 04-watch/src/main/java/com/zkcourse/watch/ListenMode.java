package com.zkcourse.watch;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseServer;

/**
 * The {@code -Dlisten=true} switch. Without it a demo makes its own changes, shows the events and ends. With
 * it, the demo then keeps its watch or cache open so you can change nodes yourself from zkCli in a second
 * terminal, the way the original course does, and stops on Ctrl-C.
 */
final class ListenMode {

    static final String PROPERTY = "listen";

    private ListenMode() {
    }

    /**
     * True for {@code -Dlisten=true} (or a bare {@code -Dlisten}), false without it or with {@code -Dlisten=false};
     * anything else stops the main with one line (a {@link CourseFailure}), rather than silently not listening.
     */
    static boolean requested() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new CourseFailure("-D" + PROPERTY + "=" + value + ": use -D" + PROPERTY
                + "=true to keep the demo listening until Ctrl-C, or leave it out");
    }

    /**
     * Blocks until Ctrl-C (or a plain {@code kill}), then closes {@code openThings} in the order given (the
     * caches, then the client) and returns; the caller then stops the server as usual.
     *
     * <p>Ctrl-C does not interrupt the main thread: the JVM runs its shutdown hooks and halts as soon as they
     * end, wherever the main thread is. {@link CourseServer#awaitCtrlC()} returns when Ctrl-C comes and holds
     * the JVM (and an embedded server) until the main has closed the server: so the session is closed, not
     * left to time out with its watches and ephemeral nodes, and no server stops under a client still
     * saying goodbye.
     */
    static void untilCtrlC(CourseServer server, String whatIsOpen, String tryInZkCli, AutoCloseable... openThings)
            throws Exception {
        System.out.println("Listening with " + whatIsOpen + " until Ctrl-C. Change nodes from another terminal:");
        System.out.println("  01-install/bin/zkCli.sh -server " + server.connectString());
        System.out.println("  " + tryInZkCli);
        server.awaitCtrlC();
        System.out.println("Ctrl-C: closing " + whatIsOpen);
        for (AutoCloseable openThing : openThings) {
            openThing.close(); // the caller's try-with-resources closes them again: a second close does nothing
        }
    }
}
