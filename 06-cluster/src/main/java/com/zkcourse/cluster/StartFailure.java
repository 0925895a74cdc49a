package com.zkcourse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.zkcourse.tools.CourseFailure;

/**
 * A server that did not come up, in one line: which one, its exit code, and the line of its log that says why,
 * such as {@code java.lang.RuntimeException: My id 7 not in the peer list}.
 */
final class StartFailure extends CourseFailure {

    /** An exception line of the log: "java.net.BindException: Address already in use", "Caused by: ...". */
    private static final Pattern EXCEPTION = Pattern.compile("^(Caused by: )?([a-z]\\w*\\.)+[\\w$]*(Exception|Error)\\b.*");

    private final boolean portTaken;

    StartFailure(ServerProcess server, int exitCode) {
        this(server, exitCode, why(server));
    }

    private StartFailure(ServerProcess server, int exitCode, String why) {
        super(server + (exitCode < 0 ? " did not answer within 30 s, so it was stopped"
                : " stopped during start-up (exit code " + exitCode + ")") + ": " + why);
        this.portTaken = why.contains("BindException");
    }

    /** True when a port was taken: someone else listens there, and another layout may do. */
    boolean portTaken() {
        return portTaken;
    }

    /**
     * The most telling exception line of the log ("Caused by" wins: it is the root of the trouble), else its last
     * line. The log itself goes with the ensemble's directory.
     */
    private static String why(ServerProcess server) {
        List<String> lines;
        try {
            lines = Files.readAllLines(server.log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> exceptions = lines.stream().filter(line -> EXCEPTION.matcher(line).matches()).toList();
        Optional<String> cause = exceptions.stream().filter(line -> line.startsWith("Caused by: ")).findFirst();
        return cause.map(line -> line.substring("Caused by: ".length()))
                .or(() -> exceptions.stream().findFirst())
                .or(() -> lines.stream().filter(line -> !line.isBlank()).reduce((first, last) -> last))
                .orElse("its log is empty");
    }
}
