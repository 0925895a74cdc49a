package com.zkcourse.testing;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an exercise check runs on: a server of its own ({@link LoopbackServer}) and two connected clients built
 * like the course's, {@link #client()} for the exercise and {@link #other()} for another client's changes;
 * all closed after the class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final CheckServer zk = new CheckServer();
 * </pre>
 */
public final class CheckServer implements BeforeAllCallback, AfterAllCallback {

    private final LoopbackServer server = new LoopbackServer();
    private CuratorFramework client;
    private CuratorFramework other;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server.beforeAll(context);
        client = server.closeAfterAll(CheckClients.connected(server.connectString()));
        other = server.closeAfterAll(CheckClients.connected(server.connectString()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.afterAll(context);
    }

    /** Such as {@code 127.0.0.1:41523}, for a check that needs clients of its own. */
    public String connectString() {
        return server.connectString();
    }

    /** The client the check hands to the exercise. */
    public CuratorFramework client() {
        return client;
    }

    /** Another client: the changes the exercise must see, or the write that gets in its way. */
    public CuratorFramework other() {
        return other;
    }
}
