package com.zkcourse.tools;

import java.util.Optional;

/**
 * How every course main starts and ends:
 *
 * <pre>
 * public static void main(String[] args) {
 *     CourseMain.run(server -&gt; run(server.connectString()));
 * }
 * </pre>
 *
 * It applies the connect rule ({@link CourseServer#choose()}: the first line printed says which server), runs
 * the main's body, and closes the server (an embedded one stops). When something goes wrong it prints one
 * line that names the chapter, so that the student also knows where it happened in the whole-course run:
 * <ul>
 *   <li>a {@link CourseFailure} (something the student can put right): its message, exit status 2;</li>
 *   <li>anything else is a bug: the stack trace, then one line, exit status 1.</li>
 * </ul>
 * A main run by {@code exec:java} shares Maven's JVM, so exiting ends Maven too: in the whole-course run the
 * chapters after the one that failed do not run, and the line above is the last one printed.
 */
public final class CourseMain {

    /** The exec plugin sets it (in the root pom) to the module's name, such as 03-curator-crud. */
    public static final String CHAPTER_PROPERTY = "course.chapter";

    /** A main's body: what it does with the chosen server. */
    public interface Body {
        void run(CourseServer server) throws Exception;
    }

    /** What a main reads from its switches before any server is chosen (and maybe started). */
    public interface Switches<T> {
        T read() throws Exception;
    }

    /** A main's body that also takes what its switches said. */
    public interface BodyWith<T> {
        void run(CourseServer server, T switches) throws Exception;
    }

    /** The body of a main that starts servers of its own, so it is given none. */
    public interface Task {
        void run() throws Exception;
    }

    /** Finds the main that called run, to name it when no chapter is set. */
    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private CourseMain() {
    }

    public static void run(Body body) {
        run(who(CALLER.getCallerClass()), () -> null, (server, nothing) -> body.run(server));
    }

    /**
     * For a main that shares its server with other processes (a seller in each of two terminals): the same, but
     * it never starts an embedded server, which would be this process's alone. Without a running server it
     * stops with one line that says to start one; {@code why} completes it ("the sellers of two terminals must
     * share one").
     */
    public static void runOnRunningServer(String why, Body body) {
        ending(who(CALLER.getCallerClass()), () -> {
            try (CourseServer server = CourseServer.chooseRunning(why)) {
                body.run(server);
            }
        });
    }

    /**
     * For a main that starts and stops real servers of its own (01's tour installs one with the chapter's
     * scripts, 04's watch-reconnect stops and restarts its own, 06's drill and bench run whole ensembles): no
     * connect rule and no embedded server, and the same ending as {@link #run(Body)} (a CourseFailure: one
     * line, exit 2; anything else: the stack trace and one line, exit 1). The body says first which servers
     * it starts.
     */
    public static void runWithOwnServers(Task task) {
        ending(who(CALLER.getCallerClass()), task);
    }

    /** Reads the switches first (a bad one stops the main before a server starts), then runs the body. */
    public static <T> void run(Switches<T> switches, BodyWith<T> body) {
        run(who(CALLER.getCallerClass()), switches, body);
    }

    private static <T> void run(String who, Switches<T> switches, BodyWith<T> body) {
        ending(who, () -> {
            T value = switches.read();
            try (CourseServer server = CourseServer.choose()) {
                body.run(server, value);
            }
        });
    }

    /** Runs the task, and gives every main the same ending when it throws (see {@link #report}). */
    private static void ending(String who, Task task) {
        try {
            task.run();
        } catch (Exception e) {
            report(who, e);
        }
    }

    /** One line for a CourseFailure (exit 2); the stack trace and one line for anything else (exit 1). */
    private static void report(String who, Exception e) {
        Optional<CourseFailure> expected = courseFailureIn(e);
        if (expected.isPresent()) {
            exit(2, who + ": " + expected.get().getMessage());
        }
        System.out.flush();
        e.printStackTrace();
        exit(1, who + ": stopped by an unexpected " + e.getClass().getName()
                + " (stack trace above): this is a bug in the course; please report it with the lines above.");
    }

    /** For a main that cannot use {@link #run}: prints the one line, prefixed with the chapter, and exits with 2. */
    public static void fail(Class<?> main, String oneLine) {
        exit(2, who(main) + ": " + oneLine);
    }

    private static Optional<CourseFailure> courseFailureIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CourseFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** The chapter when Maven runs the main (03-curator-crud), else the main's class name (an IDE, a test). */
    private static String who(Class<?> main) {
        String chapter = System.getProperty(CHAPTER_PROPERTY);
        return chapter == null || chapter.isBlank() ? main.getSimpleName() : chapter.trim();
    }

    private static void exit(int status, String line) {
        System.out.flush();
        System.err.println(line);
        System.exit(status);
    }
}
