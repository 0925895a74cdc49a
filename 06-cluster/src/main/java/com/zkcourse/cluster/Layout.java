package com.zkcourse.cluster;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where each server of one run listens, chosen afresh for every run so that two runs (a drill, a test, your own
 * ensemble.sh servers on 127.0.0.11-13) never meet:
 * <ul>
 *   <li>on Linux, where all of 127.0.0.0/8 is loopback, each server gets its own address 127.a.b.N (a and b
 *       random, N its number) and keeps the original course's ports, 2181 for clients, 2881 and 3881 between
 *       servers: the three hosts of the original, on one machine;</li>
 *   <li>where only 127.0.0.1 exists (macOS), every server uses 127.0.0.1 with ports of its own, from the kernel.</li>
 * </ul>
 * Everything is on loopback: nothing listens where another machine could reach it.
 */
record Layout(List<Address> servers) {

    /** One server: its number (myid), its address, and its three ports. */
    record Address(int id, String host, int clientPort, int quorumPort, int electionPort) {

        /** Where clients connect, such as 127.83.14.2:2181. */
        String client() {
            return host + ":" + clientPort;
        }

        /** Its line in every server's zoo.cfg: server.2=127.83.14.2:2881:3881 (host:quorum port:election port). */
        String serverLine(boolean observer) {
            return "server." + id + "=" + host + ":" + quorumPort + ":" + electionPort + (observer ? ":observer" : "");
        }
    }

    /** A fresh layout for {@code count} servers: own addresses where the system has them, else own ports. */
    static Layout forThisRun(int count) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // 127.0.x.x is left alone: chapter 01's server (127.0.0.1) and your ensemble.sh servers live there.
            String prefix = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + ".";
            List<Address> servers = new ArrayList<>();
            for (int id = 1; id <= count; id++) {
                servers.add(new Address(id, prefix + id, 2181, 2881, 3881));
            }
            Layout layout = new Layout(servers);
            switch (layout.bindable()) {
                case YES -> {
                    return layout;
                }
                case NO_SUCH_ADDRESS -> {
                    return withOwnPorts(count);
                }
                case IN_USE -> {
                    // someone else's server on this block: draw another
                }
            }
        }
        throw new IOException("no free block of loopback addresses found in 20 tries");
    }

    /** Every server on 127.0.0.1 with three ports of its own, picked by the kernel (as on macOS). */
    static Layout withOwnPorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Address> servers = new ArrayList<>();
            for (int id = 1; id <= count; id++) {
                servers.add(new Address(id, "127.0.0.1", freePort(held), freePort(held), freePort(held)));
            }
            return new Layout(servers);
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    /** Such as 127.83.14.1:2181,127.83.14.2:2181,127.83.14.3:2181: a client given all of them. */
    String connectString() {
        return String.join(",", servers.stream().map(Address::client).toList());
    }

    Address server(int id) {
        return servers.get(id - 1);
    }

    private enum Bindable { YES, IN_USE, NO_SUCH_ADDRESS }

    /** Tries every address and port for a moment: all free, one taken, or addresses this system does not have. */
    private Bindable bindable() throws IOException {
        for (Address server : servers) {
            for (int port : List.of(server.clientPort(), server.quorumPort(), server.electionPort())) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getByName(server.host()), port));
                } catch (BindException e) {
                    boolean noSuchAddress = e.getMessage() != null && e.getMessage().contains("assign");
                    return noSuchAddress ? Bindable.NO_SUCH_ADDRESS : Bindable.IN_USE;
                }
            }
        }
        return Bindable.YES;
    }

    /** A port the kernel picks; the socket stays bound until the layout is made, so no two ports are the same. */
    private static int freePort(List<ServerSocket> held) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        held.add(socket);
        return socket.getLocalPort();
    }
}
