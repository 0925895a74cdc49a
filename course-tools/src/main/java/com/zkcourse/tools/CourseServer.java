package com.zkcourse.tools;

import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.Version;

/**
 * The connect rule: which ZooKeeper server a course main talks to. One call at the top of a main:
 *
 * <pre>
 * try (CourseServer server = CourseServer.choose()) {
 *     String connectString = server.connectString();
 *     ...
 * }
 * </pre>
 *
 * <ol>
 *   <li>{@code -Dzk.connect=host:port[,host:port...]} wins. If nothing there answers, the main stops with a
 *       one-line error that names the address (it never waits forever for a server that is not there).</li>
 *   <li>Otherwise a server already answering on 127.0.0.1:2181 (the one chapter 01 starts) is used.
 *       {@code -Dzk.localServer} moves that address, and {@code -Dzk.localServer=none} skips this step:
 *       the build's tests set it, so that they never depend on what a student runs on 2181.</li>
 *   <li>Otherwise an embedded ZooKeeper starts in this JVM on a free port of 127.0.0.1 and stops when
 *       the main closes it (or, at the latest, when the JVM exits).</li>
 * </ol>
 *
 * The first line printed says which server is used and why.
 */
public final class CourseServer implements AutoCloseable {

    /** The system property a student sets to choose a server: {@code -Dzk.connect=127.0.0.1:2181}. */
    public static final String CONNECT_PROPERTY = "zk.connect";
    /** Where chapter 01's server listens: the connect rule's second choice. */
    public static final String LOCAL_SERVER = "127.0.0.1:2181";
    /** Moves the second choice elsewhere ({@code none}: skip it). The build's tests set it to none. */
    public static final String LOCAL_SERVER_PROPERTY = "zk.localServer";

    /** How long a Ctrl-C waits for a listening main to close its clients before the JVM halts. */
    static final int CLOSE_WAIT_SECONDS = 10;

    /** Why this server was chosen. */
    public enum Source { PROPERTY, LOCAL, EMBEDDED }

    private final String connectString;
    private final Source source;
    private final EmbeddedZooKeeper embedded;
    /** For an embedded server: the local address that was found silent (null: none was looked at). */
    private final String silentLocalServer;
    private final Thread atExit = new Thread(this::exiting, "course-server-at-exit");
    /** Counted down when the JVM starts to exit (Ctrl-C, kill): wakes a main in {@link #awaitCtrlC()}. */
    private final CountDownLatch exitRequested = new CountDownLatch(1);
    /** Counted down by {@link #close()}: the main has closed its clients and caches. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean mainAwaitsCtrlC;
    /** Closed by the exit hook, newest first, before an embedded server stops. */
    private final Deque<AutoCloseable> closeOnExit = new ConcurrentLinkedDeque<>();
    private boolean stopped;

    private CourseServer(String connectString, Source source, EmbeddedZooKeeper embedded, String silentLocalServer) {
        this.connectString = connectString;
        this.source = source;
        this.embedded = embedded;
        this.silentLocalServer = silentLocalServer;
        // Ctrl-C skips the main's try-with-resources: this hook still stops an embedded server and removes
        // its temporary data directory, and wakes a main that waits for Ctrl-C (see awaitCtrlC).
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /**
     * The connect rule for a main: prints the one line that says which server is used and returns it.
     * When {@code -Dzk.connect} names a server that does not answer, throws a {@link CourseFailure} whose
     * message is the one line to print ({@link CourseMain} prints it and exits with status 2).
     */
    public static CourseServer choose() {
        CourseServer server = resolve(System.getProperty(CONNECT_PROPERTY), localServer());
        System.out.println(server.describe());
        return server;
    }

    /**
     * The connect rule without its third choice, for a main that shares the server with other processes (a
     * seller in each of two terminals): an embedded server would be this process's alone. Prints which server
     * is used, or throws a {@link CourseFailure} that says to start one.
     */
    public static CourseServer chooseRunning(String why) {
        String local = localServer();
        CourseServer server = findRunning(System.getProperty(CONNECT_PROPERTY), local).orElseThrow(() ->
                new CourseFailure("no ZooKeeper server is running" + (local == null ? "" : " on " + local) + ", and "
                        + why + ": start chapter 01's (01-install/bin/zkServer.sh start) or name one with -D"
                        + CONNECT_PROPERTY + "=host:port"));
        System.out.println(server.describe());
        return server;
    }

    /** Where to look for a running server when -Dzk.connect is not set: 127.0.0.1:2181, or null for none. */
    public static String localServer() {
        String value = System.getProperty(LOCAL_SERVER_PROPERTY, LOCAL_SERVER).trim();
        return value.isEmpty() || value.equals("none") ? null : value;
    }

    /**
     * A server that is already running, for tools that must not start one (the reset: an embedded server
     * starts empty, so it has no state to reset). Empty when {@code -Dzk.connect} is not set and nothing
     * answers on {@code localServer} (null: do not look).
     */
    public static Optional<CourseServer> findRunning(String connectProperty, String localServer) {
        if (isSet(connectProperty)) {
            return Optional.of(fromProperty(connectProperty.trim()));
        }
        if (localServer != null && ZooKeeperProbe.answers(localServer)) {
            return Optional.of(new CourseServer(localServer, Source.LOCAL, null, null));
        }
        return Optional.empty();
    }

    /** The connect rule itself, without printing or exiting, so that it can be tested. */
    public static CourseServer resolve(String connectProperty, String localServer) {
        Optional<CourseServer> running = findRunning(connectProperty, localServer);
        if (running.isPresent()) {
            return running.get();
        }
        return startEmbedded(localServer);
    }

    private static CourseServer fromProperty(String connect) {
        String problem = ZooKeeperProbe.whyNoAnswer(connect);
        if (problem != null) {
            throw new CourseFailure("-D" + CONNECT_PROPERTY + "=" + connect + ": no ZooKeeper server answers there ("
                    + problem + "). Start one (01-install/bin/zkServer.sh start) or drop -D" + CONNECT_PROPERTY
                    + " to use an embedded server.");
        }
        return new CourseServer(connect, Source.PROPERTY, null, null);
    }

    private static CourseServer startEmbedded(String silentLocalServer) {
        try {
            EmbeddedZooKeeper server = EmbeddedZooKeeper.start();
            return new CourseServer(server.connectString(), Source.EMBEDDED, server, silentLocalServer);
        } catch (Exception e) {
            throw new IllegalStateException("could not start an embedded ZooKeeper: " + e, e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The connect string to hand to Curator or zkCli, for example {@code 127.0.0.1:2181}. */
    public String connectString() {
        return connectString;
    }

    public Source source() {
        return source;
    }

    /** The embedded server, when this run started one; tests use it to stop and restart the server. */
    public Optional<EmbeddedZooKeeper> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** The line a main prints first: which server, and why that one. */
    public String describe() {
        return switch (source) {
            case PROPERTY -> "ZooKeeper server: " + connectString + " (chosen with -D" + CONNECT_PROPERTY + ")";
            case LOCAL -> "ZooKeeper server: " + connectString
                    + " (a server already answers there, such as the one chapter 01 starts)";
            case EMBEDDED -> "ZooKeeper server: " + connectString + " (embedded ZooKeeper " + zooKeeperVersion()
                    + " started for this run, stopped when it ends: no -D" + CONNECT_PROPERTY
                    + (silentLocalServer == null ? "" : " and nothing answers on " + silentLocalServer) + ")";
        };
    }

    /**
     * For a main that keeps listening until the student presses Ctrl-C: blocks until the JVM starts to exit
     * (Ctrl-C, or a plain {@code kill}), then returns, so that the main closes its caches and clients
     * (its try-with-resources) and then this server.
     *
     * <p>Ctrl-C does not interrupt the main thread: the JVM runs its shutdown hooks and halts as soon as they
     * end, wherever the main thread is. So the hook waits (at most {@value #CLOSE_WAIT_SECONDS} s) for
     * {@link #close()} before it stops an embedded server. Without that wait the JVM could halt with the
     * session still open (the server keeps its watches and ephemeral nodes until the session times out),
     * or stop the embedded server while the client is still saying goodbye.
     */
    public void awaitCtrlC() throws InterruptedException {
        mainAwaitsCtrlC = true;
        exitRequested.await();
    }

    /**
     * For a main that cannot wait in {@link #awaitCtrlC()} (one blocked reading the keyboard, say): if the JVM
     * exits before the main has closed this server, the exit hook closes {@code resource} (a client, a
     * session), then stops an embedded server: in that order, so the session is closed while its server
     * still answers. Returns the resource.
     */
    public <T extends AutoCloseable> T closeOnExit(T resource) {
        closeOnExit.push(resource);
        return resource;
    }

    /** Stops the embedded server, if this run started one. A server found running is left alone. */
    @Override
    public void close() {
        closed.countDown();
        stopEmbedded();
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook is running or has run; nothing to remove.
        }
    }

    /**
     * The shutdown hook: wake a waiting main and give it time to close; close what the main registered
     * with closeOnExit if it has not closed this server; then stop the embedded server.
     */
    private void exiting() {
        exitRequested.countDown();
        if (mainAwaitsCtrlC) {
            try {
                closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (closed.getCount() > 0) {
            for (AutoCloseable resource : closeOnExit) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("warning: closing " + resource + " at exit failed: " + e);
                }
            }
        }
        stopEmbedded();
    }

    private synchronized void stopEmbedded() {
        if (embedded == null || stopped) {
            return;
        }
        stopped = true;
        embedded.close(); // stops the server and deletes its temporary data directory
    }

    /** The ZooKeeper version on the class path, such as 3.9.5. */
    public static String zooKeeperVersion() {
        String full = Version.getFullVersion(); // such as 3.9.5-<git hash>, built on <date>
        int dash = full.indexOf('-');
        return dash > 0 ? full.substring(0, dash) : full;
    }

    @Override
    public String toString() {
        return describe();
    }
}
