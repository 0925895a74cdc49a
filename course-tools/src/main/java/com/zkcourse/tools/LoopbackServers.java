package com.zkcourse.tools;

import java.io.File;
import java.util.Map;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * Embedded ZooKeeper servers that listen on 127.0.0.1 only.
 *
 * <p>curator-test's plain {@code new TestingServer(port)} listens on every interface (0.0.0.0), which would
 * put a student's laptop on the network. An {@link InstanceSpec} whose custom properties set
 * {@code clientPortAddress=127.0.0.1} keeps it on loopback; the admin server (Jetty on port 8080) stays off.
 */
public final class LoopbackServers {

    public static final String LOOPBACK = "127.0.0.1";

    private LoopbackServers() {
    }

    /** Starts a server on a free port of 127.0.0.1 with a temporary data directory, deleted on close. */
    public static TestingServer startTestingServer() throws Exception {
        return startTestingServer(-1, null);
    }

    /**
     * Starts a server on the given port (-1: a free one) and data directory (null: a temporary one,
     * deleted on close). Re-using the port and a kept directory restarts "the same" server.
     */
    public static TestingServer startTestingServer(int port, File dataDirectory) throws Exception {
        InstanceSpec spec = new InstanceSpec(
                dataDirectory,
                port,
                -1,                      // election port: unused by a standalone server
                -1,                      // quorum port: unused by a standalone server
                dataDirectory == null,   // delete the data directory on close only if we made it
                -1,                      // server id: any
                -1,                      // tickTime: curator-test's own (1000 ms, not ZooKeeper's 2000):
                                         //   sessions of 2 to 20 s, where chapter 01's server grants up to 40 s
                -1,                      // maxClientCnxns: ZooKeeper's default
                Map.of("clientPortAddress", LOOPBACK, "admin.enableServer", "false"),
                LOOPBACK);
        return new TestingServer(spec, true);
    }
}
