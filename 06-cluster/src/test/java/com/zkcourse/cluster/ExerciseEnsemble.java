package com.zkcourse.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The ensemble an exercise check runs on: three real servers, quick to fail over, answering cons too. */
final class ExerciseEnsemble {

    private ExerciseEnsemble() {
    }

    static Ensemble launch() throws Exception {
        ChapterOneInstall zk = ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
        return Ensemble.launch(zk, Ensemble.Spec.of(3).withSettings(Map.of("tickTime", "500", "syncLimit", "2",
                "4lw.commands.whitelist", "srvr,ruok,mntr,cons")));
    }

    /** Every server's client address, host:port, as the exercises take them. */
    static List<String> addresses(Ensemble ensemble) {
        return ensemble.servers().stream().map(server -> server.address.client()).toList();
    }

    /** The server whose client address is {@code hostAndPort}. */
    static ServerProcess at(Ensemble ensemble, String hostAndPort) {
        return ensemble.servers().stream().filter(server -> server.address.client().equals(hostAndPort)).findFirst()
                .orElseThrow(() -> new AssertionError(hostAndPort + " is not a server of the ensemble "
                        + addresses(ensemble)));
    }

    static void close(Ensemble ensemble) throws InterruptedException {
        if (ensemble != null) {
            ensemble.close();
            Clients.assertNothingRunsFrom(ensemble.directory);
        }
    }
}
