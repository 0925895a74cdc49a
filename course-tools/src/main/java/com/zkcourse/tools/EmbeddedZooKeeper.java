package com.zkcourse.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A real standalone ZooKeeper server inside this JVM, on 127.0.0.1 only, through ZooKeeper's own
 * {@link ZooKeeperServerEmbedded}. It is configured like chapter 01's {@code zoo.cfg} (tickTime 2000, so
 * sessions of 4 to 40 s; no admin server), so what a chapter shows on it is what it shows on the server a
 * student installs.
 *
 * <p>It binds port 0 and reports the port the kernel gave it, so two servers never race for a "free" port.
 * {@link #stop()} and {@link #restart()} keep the port and the data: a test uses them for an outage.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    /** How long a start may take before it counts as failed. */
    private static final long START_TIMEOUT_MS = 30_000;

    private final Path baseDirectory;
    private final boolean deleteOnClose;
    private final Map<String, String> settings;
    private ZooKeeperServerEmbedded server;
    private int port;

    private EmbeddedZooKeeper(Path baseDirectory, boolean deleteOnClose, Map<String, String> settings) {
        this.baseDirectory = baseDirectory;
        this.deleteOnClose = deleteOnClose;
        this.settings = settings;
    }

    /** Starts a server on a free port of 127.0.0.1 with a temporary data directory, deleted by {@link #close()}. */
    public static EmbeddedZooKeeper start() throws Exception {
        return start(Map.of());
    }

    /**
     * The same, with zoo.cfg settings of the caller's on top of the course's (for example
     * {@code minSessionTimeout=1000} for a test that lets a session expire quickly).
     */
    public static EmbeddedZooKeeper start(Map<String, String> extraSettings) throws Exception {
        Path baseDirectory = Files.createTempDirectory("zk-course-embedded");
        return start(baseDirectory, true, extraSettings);
    }

    /** A server that keeps its data in {@code baseDirectory} (not deleted on close): start it again there later. */
    public static EmbeddedZooKeeper startIn(Path baseDirectory) throws Exception {
        Files.createDirectories(baseDirectory);
        return start(baseDirectory, false, Map.of());
    }

    private static EmbeddedZooKeeper start(Path baseDirectory, boolean deleteOnClose, Map<String, String> extraSettings)
            throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tickTime", "2000");                 // as chapter 01's zoo.cfg: sessions of 4 to 40 s
        settings.put("initLimit", "10");
        settings.put("syncLimit", "5");
        settings.put("dataDir", baseDirectory.resolve("data").toString());
        settings.put("clientPortAddress", LOOPBACK);       // loopback only, never 0.0.0.0
        settings.put("admin.enableServer", "false");       // no Jetty on 0.0.0.0:8080
        settings.put("4lw.commands.whitelist", "srvr,ruok,mntr");
        settings.putAll(extraSettings);
        EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper(baseDirectory, deleteOnClose, settings);
        try {
            zooKeeper.startOn(0); // 0: the kernel picks a free port, and nothing can take it in between
        } catch (Exception e) {
            zooKeeper.close();
            throw e;
        }
        return zooKeeper;
    }

    private void startOn(int wantedPort) throws Exception {
        Properties configuration = new Properties();
        configuration.putAll(settings);
        configuration.put("clientPort", String.valueOf(wantedPort));
        // LOG_ONLY: a server error is logged; it never calls System.exit on the JVM it shares with a main.
        server = ZooKeeperServerEmbedded.builder()
                .baseDir(baseDirectory)
                .configuration(configuration)
                .exitHandler(ExitHandler.LOG_ONLY)
                .build();
        server.start(START_TIMEOUT_MS);
        port = server.getClientPort();
    }

    /** Such as {@code 127.0.0.1:41523}. */
    public String connectString() {
        return LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server, keeping its port and its data, as a crash or {@code zkServer.sh stop} would. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts it again on the same port with the same data: clients that were connected reconnect. */
    public synchronized void restart() throws Exception {
        if (server == null) {
            startOn(port);
        }
    }

    /** Stops the server and deletes its temporary data directory (one passed to {@link #startIn} is kept). */
    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(baseDirectory);
        }
    }

    @Override
    public String toString() {
        return "embedded ZooKeeper on " + connectString();
    }
}
