package com.zkcourse.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A student's zkCli script (an exercise), replayed through the real zkCli one line at a time, as if typed at
 * its prompt: blank lines and {@code #} comments are skipped. The session stays open until {@link #close()},
 * so a check can look at what it left, ephemeral znodes included.
 */
public final class ZkCliScript implements AutoCloseable {

    private final LessonShell shell;
    private final String output;

    private ZkCliScript(LessonShell shell, String output) {
        this.shell = shell;
        this.output = output;
    }

    /** Replays {@code script} on {@code server} and returns with the session still open. */
    public static ZkCliScript replay(Path script, String server) throws Exception {
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("no script at " + script);
        }
        List<String> commands = Files.readAllLines(script, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        if (commands.isEmpty()) {
            throw new AssertionError("the script has no commands yet, only comments: its TODO is still there");
        }
        ZkCliConsole.install();
        LessonShell shell = ZkCliConsole.captureResult(() -> new LessonShell(server)).result();
        StringBuilder printed = new StringBuilder();
        try {
            for (String command : commands) {
                printed.append(shell.prompt()).append(command).append('\n')
                        .append(ZkCliConsole.capture(() -> shell.execute(command)));
            }
        } catch (Exception | AssertionError e) {
            shell.close();
            throw e;
        }
        return new ZkCliScript(shell, printed.toString());
    }

    /** Everything zkCli printed, each command after its prompt, as on a terminal. */
    public String output() {
        return output;
    }

    @Override
    public void close() {
        shell.close();
    }
}
