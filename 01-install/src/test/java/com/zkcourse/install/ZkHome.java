package com.zkcourse.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.common.X509Exception.SSLContextException;

import com.zkcourse.testing.ScriptRun;

/**
 * A ZooKeeper home made by the chapter's install.sh in a temporary directory, and the scripts run against
 * it the way a student runs them. Each test gets its own config (own free port, own dataDir), so tests
 * sharing a home cannot meet; {@link #killEveryServer()} makes sure no server outlives the test class.
 */
final class ZkHome {

    static final Path CHAPTER = Path.of("").toAbsolutePath(); // surefire runs in 01-install

    final Path home;
    private final List<Path> configs = new ArrayList<>();

    private ZkHome(Path home) {
        this.home = home;
    }

    /** Runs 01-install/bin/install.sh into {@code home}; fails the test if it does not succeed. */
    static ZkHome install(Path home) throws IOException, InterruptedException {
        ScriptRun run = run(List.of(CHAPTER.resolve("bin/install.sh").toString(), home.toString()));
        if (run.exitCode() != 0) {
            throw new AssertionError("install.sh failed: " + run);
        }
        return new ZkHome(home);
    }

    /**
     * A copy of the installed conf/zoo.cfg with its own free client port and dataDir, and the given
     * settings replaced ({@code null} value: the line is removed) or added.
     */
    Path newConfig(String name, Map<String, String> settings) throws IOException {
        Path dataDir = home.resolve("data-" + name);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("conf/zoo.cfg"), StandardCharsets.UTF_8)) {
            String key = line.contains("=") && !line.startsWith("#") ? line.substring(0, line.indexOf('=')) : null;
            if (key == null) {
                lines.add(line);
            } else if (settings.containsKey(key)) {
                if (settings.get(key) != null) {
                    lines.add(key + "=" + settings.get(key));
                }
            } else if (key.equals("clientPort")) {
                lines.add("clientPort=" + freePort());
            } else if (key.equals("dataDir")) {
                lines.add("dataDir=" + dataDir);
            } else {
                lines.add(line);
            }
        }
        settings.forEach((key, value) -> {
            if (value != null && lines.stream().noneMatch(line -> line.startsWith(key + "="))) {
                lines.add(key + "=" + value);
            }
        });
        Path config = home.resolve("conf").resolve(name + ".cfg");
        Files.write(config, lines, StandardCharsets.UTF_8);
        configs.add(config);
        return config;
    }

    static int clientPort(Path config) throws IOException {
        return Integer.parseInt(setting(config, "clientPort"));
    }

    static Path pidFile(Path config) throws IOException {
        return Path.of(setting(config, "dataDir")).resolve("zookeeper_server.pid");
    }

    static long pid(Path config) throws IOException {
        return Long.parseLong(Files.readString(pidFile(config)).trim());
    }

    private static String setting(Path config, String key) throws IOException {
        return Files.readAllLines(config).stream().filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(config + " has no " + key));
    }

    /**
     * zkServer.sh start. The config's port was free when {@link #newConfig} chose it, but a test class running
     * beside this one may have taken it since (the script then refuses it, or the server cannot bind it): then
     * the config moves to another free port and the server starts again. Returns the last attempt.
     */
    ScriptRun start(Path config) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ScriptRun start = zkServer("start", config);
            if (start.exitCode() == 0 || attempt == 3 || !(start.stdout() + start.stderr()).contains("already in use")) {
                return start;
            }
            moveToAnotherPort(config);
        }
    }

    /** Gives the config another free client port. */
    void moveToAnotherPort(Path config) throws IOException {
        List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith("clientPort=") ? "clientPort=" + freePort() : line).toList();
        Files.write(config, lines, StandardCharsets.UTF_8);
    }

    /** The server's answer to a four-letter word ("mntr", "srvr"), with ZooKeeper's own client for them. */
    static String fourLetterWord(Path config, String word) throws IOException {
        try {
            return FourLetterWordMain.send4LetterWord("127.0.0.1", clientPort(config), word, false, 5000);
        } catch (SSLContextException e) {
            throw new IOException(e);
        }
    }

    ScriptRun zkServer(String command, Path config) throws IOException, InterruptedException {
        return zkServer(command, config, Map.of());
    }

    /** zkServer.sh with extra environment variables, such as ZK_STOP_TIMEOUT. */
    ScriptRun zkServer(String command, Path config, Map<String, String> environment) throws IOException, InterruptedException {
        return run(List.of(home.resolve("bin/zkServer.sh").toString(), command, config.toString()), environment);
    }

    ScriptRun zkCli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/zkCli.sh").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Java with the home's class path (lib/*, conf/), as the scripts run it: {@code java(..., "org.apache.zookeeper.ZooKeeperMain", ...)}. */
    ScriptRun java(String... mainAndArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("lib") + "/*:" + home.resolve("conf"), "-Dzookeeper.root.logger=WARN,CONSOLE"));
        command.addAll(List.of(mainAndArgs));
        return run(command);
    }

    /** Kills (-9) every server started from a config of this home that still runs. */
    void killEveryServer() throws IOException {
        for (Path config : configs) {
            if (Files.readAllLines(config).stream().noneMatch(line -> line.startsWith("dataDir="))) {
                continue; // a config made without dataDir never started a server
            }
            Path pidFile = pidFile(config);
            if (Files.exists(pidFile)) {
                ProcessHandle.of(pid(config)).ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
            }
        }
    }

    static ScriptRun run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    static ScriptRun run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        return ScriptRun.of(command, env -> env.putAll(environment));
    }

    /** A port nothing listens on now; {@link #start} moves on when another program takes it first. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
