package com.zkcourse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zkcourse.testing.ScriptRun;

/**
 * bin/ensemble.sh run as a student runs it, on an ensemble directory of the test's own: after setup, its configs
 * are moved to addresses of the test's own (a {@link Layout}), so that the test never meets your ensemble on
 * 127.0.0.11-13, nor another test.
 */
final class EnsembleScript {

    static final Path SCRIPT = Path.of("bin", "ensemble.sh").toAbsolutePath(); // surefire runs in 06-cluster

    final Path directory;
    private final Map<String, String> environment;

    EnsembleScript(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    EnsembleScript(Path directory) {
        this(directory, Map.of());
    }

    ScriptRun run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        return ScriptRun.of(command, env -> {
            env.remove("ENSEMBLE_LAYOUT"); // the developer's own ENSEMBLE_LAYOUT must not pick the test's layout
            env.put("ENSEMBLE_DIR", directory.toString());
            env.putAll(environment);
        });
    }

    Path config(int n) {
        return directory.resolve("zoo-" + n + ".cfg");
    }

    Path myid(int n) {
        return directory.resolve("server-" + n).resolve("data").resolve("myid");
    }

    /** Rewrites the three configs setup made for the addresses and ports of {@code layout}; nothing else changes. */
    void moveTo(Layout layout) throws IOException {
        for (Layout.Address server : layout.servers()) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(config(server.id()), StandardCharsets.UTF_8)) {
                if (line.startsWith("clientPortAddress=")) {
                    line = "clientPortAddress=" + server.host();
                } else if (line.startsWith("clientPort=")) {
                    line = "clientPort=" + server.clientPort();
                } else if (line.matches("server\\.\\d=.*")) {
                    line = layout.server(line.charAt("server.".length()) - '0').serverLine(false);
                }
                lines.add(line);
            }
            Files.write(config(server.id()), lines, StandardCharsets.UTF_8);
        }
    }

    /** Kills (-9) every server still running from this directory, whatever state the test left it in. */
    void killEveryServer() {
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(directory.toString()))
                .forEach(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
    }
}
