package com.zkcourse.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An ensemble of real server processes for one test class: launched before its tests (chapter 01's install
 * first, if it is missing), stopped after them, also when they fail, and checked to leave no process behind.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LaunchedEnsemble cluster = new LaunchedEnsemble(Ensemble.Spec.of(3));
 * </pre>
 */
final class LaunchedEnsemble implements BeforeAllCallback, AfterAllCallback {

    private final Ensemble.Spec spec;
    private Ensemble ensemble;

    LaunchedEnsemble(Ensemble.Spec spec) {
        this.spec = spec;
    }

    /** The ensemble an exercise check runs on: three servers, quick to fail over, answering cons too. */
    static LaunchedEnsemble forExerciseChecks() {
        return new LaunchedEnsemble(Ensemble.Spec.of(3).withSettings(Map.of("tickTime", "500", "syncLimit", "2",
                "4lw.commands.whitelist", "srvr,ruok,mntr,cons")));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ChapterOneInstall zk = ChapterOneInstall.ensure(new PrintStream(PrintStream.nullOutputStream()));
        ensemble = Ensemble.launch(zk, spec);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (ensemble != null) {
            ensemble.close();
            Clients.assertNothingRunsFrom(ensemble.directory);
        }
    }

    Ensemble ensemble() {
        return ensemble;
    }

    /** Every server's client address, host:port, as the exercises take them. */
    List<String> addresses() {
        return ensemble.servers().stream().map(server -> server.address.client()).toList();
    }

    /** The server whose client address is {@code hostAndPort}. */
    ServerProcess at(String hostAndPort) {
        return ensemble.servers().stream().filter(server -> server.address.client().equals(hostAndPort)).findFirst()
                .orElseThrow(() -> new AssertionError(hostAndPort + " is not a server of the ensemble " + addresses()));
    }
}
