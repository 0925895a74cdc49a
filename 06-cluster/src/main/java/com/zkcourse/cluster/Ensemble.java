package com.zkcourse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.Directories;

/**
 * A ZooKeeper ensemble of real server processes on this machine, in a directory of its own (configs, data,
 * logs), deleted by {@link #close()}. Each server's zoo.cfg is the chapter's template ({@code conf/zoo-N.cfg})
 * with this run's addresses ({@link Layout}), so the drill runs what {@code ensemble.sh} runs.
 *
 * <p>Every process is stopped by {@link #close()}, and, should the JVM end first (Ctrl-C, a failure), by an exit
 * hook: no server outlives the run.
 */
final class Ensemble implements AutoCloseable {

    /**
     * What an ensemble is made of: voters, observers, settings on top of the templates', server JVM flags, and
     * whether every server shares 127.0.0.1 with ports of its own (as on macOS) instead of its own address.
     */
    record Spec(int voters, int observers, Map<String, String> settings, List<String> jvmFlags, boolean ownPorts) {

        static Spec of(int voters) {
            return new Spec(voters, 0, Map.of(), List.of(), false);
        }

        Spec withSettings(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.putAll(more);
            return new Spec(voters, observers, all, jvmFlags, ownPorts);
        }

        Spec withObservers(int count) {
            return new Spec(voters, count, settings, jvmFlags, ownPorts);
        }

        Spec withJvmFlags(List<String> flags) {
            return new Spec(voters, observers, settings, flags, ownPorts);
        }

        Spec onOwnPorts() {
            return new Spec(voters, observers, settings, jvmFlags, true);
        }

        Layout layout() throws IOException {
            int count = voters + observers;
            return ownPorts ? Layout.withOwnPorts(count) : Layout.forThisRun(count);
        }
    }

    final Path directory;
    final Layout layout;
    private final List<ServerProcess> servers = new ArrayList<>();
    private final int voters;
    private final Thread atExit = new Thread(this::killAll, "stop-ensemble-at-exit");

    private Ensemble(Path directory, Layout layout, int voters, List<ServerProcess> servers) {
        this.directory = directory;
        this.layout = layout;
        this.voters = voters;
        this.servers.addAll(servers);
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /**
     * Writes the configs, then starts the servers: a majority of the voters first (servers 1 and 2 of 3 elect a
     * leader, as in the original course), then the rest (observers too). Returns once every server serves. A port
     * someone else holds makes it try again with another layout.
     */
    static Ensemble launch(ChapterOneInstall zk, Spec spec) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Ensemble ensemble = create(zk, spec, spec.layout());
            try {
                ensemble.startInOrder();
                return ensemble;
            } catch (StartFailure failure) {
                ensemble.close();
                if (!failure.portTaken() || attempt == 3) {
                    throw failure;
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                ensemble.close();
                throw e;
            }
        }
    }

    /** The files of every server (zoo-N.cfg, server-N/data/myid), nothing started yet. */
    static Ensemble create(ChapterOneInstall zk, Spec spec, Layout layout) throws IOException {
        Path directory = Files.createTempDirectory("zk-ensemble-");
        List<ServerProcess> servers = new ArrayList<>();
        for (Layout.Address server : layout.servers()) {
            Path config = ServerConfig.write(directory, layout, spec, server);
            servers.add(new ServerProcess(server, config, directory.resolve("server-" + server.id() + ".log"),
                    zk.serverCommand(config, spec.jvmFlags())));
        }
        return new Ensemble(directory, layout, spec.voters(), servers);
    }

    /**
     * The first majority of the voters together (servers 1 and 2 of 3: with equal, empty logs they elect the higher
     * myid, 2), then, once they have a leader, all the others together: they join it as followers or observers.
     */
    private void startInOrder() throws IOException, InterruptedException {
        int majority = voters / 2 + 1;
        List<ServerProcess> first = servers.subList(0, majority);
        List<ServerProcess> rest = servers.subList(majority, servers.size());
        startTogether(first);
        awaitLeader(first, 30_000).orElseThrow(() -> new CourseFailure(
                "servers 1 to " + majority + " elected no leader within 30 s"));
        startTogether(rest);
        for (ServerProcess server : servers) {
            awaitServing(server, 30_000);
        }
    }

    private static void startTogether(List<ServerProcess> starting) throws IOException, InterruptedException {
        for (ServerProcess server : starting) {
            server.launch();
        }
        for (ServerProcess server : starting) {
            server.awaitAnswer();
        }
    }

    /** A server seen answering "leader", and when. */
    record Seen(ServerProcess server, long nanos) {
    }

    /** Asks each of {@code among} for its mode every 10 ms until one answers leader; empty after the time limit. */
    Optional<Seen> awaitLeader(Collection<ServerProcess> among, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            for (ServerProcess server : among) {
                if (server.status(500).mode() == Status.Mode.LEADER) {
                    return Optional.of(new Seen(server, System.nanoTime()));
                }
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling the servers' srvr: the only way to see a mode change
        }
        return Optional.empty();
    }

    /** Waits until the server serves (leader, follower or observer); a CourseFailure after the time limit. */
    Status awaitServing(ServerProcess server, long timeoutMs) throws IOException, InterruptedException {
        return awaitMode(server, Status.Mode::serving, "serve", timeoutMs);
    }

    /** Asks the server for its mode every 10 ms until it is one that {@code wanted} accepts. */
    Status awaitMode(ServerProcess server, Predicate<Status.Mode> wanted, String what, long timeoutMs)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Status status = server.status(500);
        while (!wanted.test(status.mode())) {
            if (System.nanoTime() > deadline) {
                throw new CourseFailure(server + " did not " + what + " within " + timeoutMs / 1000 + " s (it says: "
                        + status.mode() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling its srvr answer: the only way to see its mode change
            status = server.status(500);
        }
        return status;
    }

    /** Waits until every running server has applied the transaction {@code zxid}, as its srvr answer says. */
    void awaitApplied(long zxid, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (ServerProcess server : servers) {
            while (server.isRunning() && server.status(500).zxid() < zxid) {
                if (System.nanoTime() > deadline) {
                    throw new CourseFailure(server + " has not applied zxid 0x" + Long.toHexString(zxid) + " within "
                            + timeoutMs / 1000 + " s");
                }
                TimeUnit.MILLISECONDS.sleep(10); // polling its srvr answer
            }
        }
    }

    /** A setting of the servers' zoo.cfg (server 1's; the others' are the same), such as tickTime. */
    String setting(String key) throws IOException {
        return Files.readAllLines(servers.get(0).config, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .reduce((first, last) -> last) // as ZooKeeper reads it: the last one counts
                .orElseThrow(() -> new IllegalStateException(key + " is not set in " + servers.get(0).config));
    }

    ServerProcess server(int id) {
        return servers.get(id - 1);
    }

    List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    /** Every server's status, in server order. */
    Map<ServerProcess, Status> statuses() throws IOException, InterruptedException {
        Map<ServerProcess, Status> statuses = new LinkedHashMap<>();
        for (ServerProcess server : servers) {
            statuses.put(server, server.status(500));
        }
        return statuses;
    }

    /** The one server that answers leader now, if any. */
    Optional<ServerProcess> leader() throws IOException, InterruptedException {
        for (Map.Entry<ServerProcess, Status> entry : statuses().entrySet()) {
            if (entry.getValue().mode() == Status.Mode.LEADER) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Stops every server (SIGTERM, as zkServer.sh stop), then deletes the directory. */
    @Override
    public void close() {
        boolean interrupted = false;
        for (ServerProcess server : servers) {
            try {
                server.stop();
            } catch (InterruptedException e) {
                interrupted = true; // stop the others all the same; the interrupt is kept for the caller below
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Directories.deleteRecursively(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs or has run
        }
    }

    /** The exit hook: SIGKILL for every server (it works on a frozen one too), then the directory goes. */
    private void killAll() {
        for (ServerProcess server : servers) {
            try {
                server.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Directories.deleteRecursively(directory);
    }

}
