package com.zkcourse.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback address where nothing listens, for as long as the test holds it: a socket is bound to the port
 * (so nothing else can take it) but never listens, so a connection there is refused at once. A port that
 * was merely "free a moment ago" could be taken by a test class running beside this one.
 *
 * <pre>
 * try (UnusedPort nowhere = UnusedPort.reserve()) {
 *     ... nowhere.address() ...      // 127.0.0.1:40123, refused
 * }
 * </pre>
 */
public final class UnusedPort implements AutoCloseable {

    private final Socket holder;

    private UnusedPort(Socket holder) {
        this.holder = holder;
    }

    public static UnusedPort reserve() throws IOException {
        Socket holder = new Socket();
        holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return new UnusedPort(holder);
    }

    public int port() {
        return holder.getLocalPort();
    }

    /** Such as {@code 127.0.0.1:40123}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
