package com.zkcourse.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * For tests that check a server listens on 127.0.0.1 only: where a TCP port is reachable from.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    /**
     * The local addresses of the listening sockets on a port, such as {@code [127.0.0.1]} or
     * {@code [0.0.0.0]}, read from the kernel's socket table on Linux ({@code /proc/net/tcp} and
     * {@code tcp6}). Elsewhere, the loopback and non-loopback addresses of this machine that accept a
     * connection on the port.
     */
    public static List<String> listeningAddresses(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        if (Files.isReadable(tcp)) {
            List<String> addresses = new ArrayList<>(fromProcTable(tcp, port));
            Path tcp6 = Path.of("/proc/net/tcp6");
            if (Files.isReadable(tcp6)) {
                addresses.addAll(fromProcTable(tcp6, port));
            }
            return addresses;
        }
        List<String> accepting = new ArrayList<>();
        for (InetAddress address : localAddresses()) {
            if (accepts(address, port)) {
                accepting.add(address.getHostAddress());
            }
        }
        return accepting;
    }

    /** Lines of /proc/net/tcp look like: "0: 0100007F:0885 00000000:0000 0A ..." (0A = LISTEN). */
    private static List<String> fromProcTable(Path table, int port) throws IOException {
        String portHex = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String line : Files.readAllLines(table)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals("0A")) {
                continue;
            }
            String[] local = fields[1].split(":");
            if (local.length == 2 && local[1].equalsIgnoreCase(portHex)) {
                addresses.add(decode(local[0]));
            }
        }
        return addresses;
    }

    /** The kernel writes addresses as hex words in host (little-endian) order. */
    private static String decode(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();
    }

    private static List<InetAddress> localAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
