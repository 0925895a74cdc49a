package com.zkcourse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bin/ensemble.sh run as a student runs it, on an ensemble directory of the test's own: after setup, its configs
 * are moved to addresses of the test's own (a {@link Layout}), so that the test never meets your ensemble on
 * 127.0.0.11-13, nor another test.
 */
final class EnsembleScript {

    /** How the script ended and what it printed on each stream. */
    record Run(int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

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

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ensemble-sh", ".out");
        Path err = Files.createTempFile("ensemble-sh", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("ZOOKEEPER_HOME");
        builder.environment().remove("ENSEMBLE_LAYOUT");
        builder.environment().put("ENSEMBLE_DIR", directory.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("ensemble.sh " + String.join(" ", args) + " did not finish within 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
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
