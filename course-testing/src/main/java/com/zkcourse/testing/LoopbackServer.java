package com.zkcourse.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * One real ZooKeeper server for a test class, on a port of 127.0.0.1 the kernel picks: started before the
 * class's first test (and before its {@code @BeforeAll} methods), stopped after its last (after its
 * {@code @AfterAll} methods), even when a test fails. Its tests share it, each under a path of its own.
 * It is the connect rule's embedded server ({@link EmbeddedZooKeeper}), configured like chapter 01's.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LoopbackServer zk = new LoopbackServer();
 *
 * &#64;BeforeAll
 * static void connect() throws Exception {
 *     client = zk.closeAfterAll(CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100)));
 *     client.start();
 * }
 * </pre>
 */
public final class LoopbackServer implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private EmbeddedZooKeeper server;
    /** Closed after the class, newest first, before the server stops. */
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    public LoopbackServer() {
        this(Map.of());
    }

    /** With zoo.cfg settings on top of the course's, for example {@code Map.of("minSessionTimeout", "1000")}. */
    public LoopbackServer(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedZooKeeper.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (server != null) {
            server.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /** Such as {@code 127.0.0.1:41523}. */
    public String connectString() {
        return server.connectString();
    }

    /** Closes {@code resource} (a client, a cache) after the class's last test, before the server stops. */
    public <T extends AutoCloseable> T closeAfterAll(T resource) {
        toClose.push(resource);
        return resource;
    }
}
