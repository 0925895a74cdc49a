package com.zkcourse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server's files in an ensemble's directory: {@code zoo-N.cfg}, the chapter's template {@code conf/zoo-N.cfg}
 * with this run's addresses and data directory, and {@code server-N/data/myid}.
 */
final class ServerConfig {

    private ServerConfig() {
    }

    /** Writes the server's config and myid; returns the config's path. */
    static Path write(Path directory, Layout layout, Ensemble.Spec spec, Layout.Address server) throws IOException {
        Path data = directory.resolve("server-" + server.id()).resolve("data");
        Files.createDirectories(data);
        // myid: the server's own number, the N of its server.N line. It reads it at start-up to know which it is.
        Files.writeString(data.resolve("myid"), server.id() + "\n", StandardCharsets.UTF_8);
        Map<String, String> settings = new LinkedHashMap<>(spec.settings());
        if (server.id() > spec.voters()) {
            settings.put("peerType", "observer");
        }
        List<String> serverLines = new ArrayList<>();
        for (Layout.Address each : layout.servers()) {
            serverLines.add(each.serverLine(each.id() > spec.voters()));
        }
        Path config = directory.resolve("zoo-" + server.id() + ".cfg");
        Files.write(config, lines(template(server.id()), server, data, serverLines, settings), StandardCharsets.UTF_8);
        return config;
    }

    /** The chapter's conf/zoo-N.cfg; zoo-1.cfg's settings for a server beyond the three templates (an observer). */
    private static Path template(int id) {
        Path conf = ChapterOneInstall.chapter().resolve("conf");
        Path own = conf.resolve("zoo-" + id + ".cfg");
        return Files.isRegularFile(own) ? own : conf.resolve("zoo-1.cfg");
    }

    /** The template's settings, with this server's data, addresses and the run's server list; comments dropped. */
    private static List<String> lines(Path template, Layout.Address server, Path data, List<String> serverLines,
            Map<String, String> settings) throws IOException {
        Map<String, String> extra = new LinkedHashMap<>(settings);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(template, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
            switch (key) {
                case "dataDir" -> lines.add("dataDir=" + data);
                case "clientPort" -> lines.add("clientPort=" + server.clientPort());
                case "clientPortAddress" -> lines.add("clientPortAddress=" + server.host());
                default -> {
                    if (!key.startsWith("server.")) { // the run's own server list comes last
                        lines.add(extra.containsKey(key) ? key + "=" + extra.remove(key) : trimmed);
                    }
                }
            }
        }
        extra.forEach((key, value) -> lines.add(key + "=" + value));
        lines.addAll(serverLines);
        return lines;
    }
}
