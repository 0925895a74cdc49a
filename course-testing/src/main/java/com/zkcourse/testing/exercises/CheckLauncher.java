package com.zkcourse.testing.exercises;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs exercise checks (JUnit classes) in a JVM of their own and reports each result as one line on stdout,
 * for {@link ExerciseRunner} to read:
 *
 * <pre>
 * @@check PASS com.zkcourse.crud.exercises.CreateWithParentsCheck
 * @@check FAIL com.zkcourse.crud.exercises.VersionedUpdateCheck UnsupportedOperationException: TODO: ... (VersionedUpdate.java:31)
 * </pre>
 */
public final class CheckLauncher {

    static final String PREFIX = "@@check ";

    private CheckLauncher() {
    }

    public static void main(String[] checkClasses) {
        PrintStream out = System.out;
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(checkClasses).map(name -> selectClass(name)).toList())
                // One check at a time, whatever the chapter's junit-platform.properties says for its tests: a
                // check may start a whole ensemble, and the build runs two of these JVMs side by side already.
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                Optional<String> checkClass = classOf(test);
                if (checkClass.isEmpty() || (!test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL)) {
                    return; // a passing container says nothing new; a failing one (@BeforeAll) is a failure
                }
                String line = switch (result.getStatus()) {
                    case SUCCESSFUL -> "PASS " + checkClass.get();
                    case FAILED, ABORTED -> "FAIL " + checkClass.get() + " "
                            + result.getThrowable().map(CheckLauncher::describe).map(CheckLauncher::shortened).orElse("failed");
                };
                synchronized (out) {
                    out.println(PREFIX + line);
                    out.flush();
                }
            }
        });
    }

    private static Optional<String> classOf(TestIdentifier test) {
        return test.getSource()
                .map(source -> source instanceof org.junit.platform.engine.support.descriptor.MethodSource method
                        ? method.getClassName()
                        : source instanceof org.junit.platform.engine.support.descriptor.ClassSource type
                                ? type.getClassName()
                                : null);
    }

    /**
     * What the check saw, in one line: the TODO still in place; an assertion's message as it is; any other
     * exception as its class and message, with the line of the exercise's own file it came from.
     */
    static String describe(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).startsWith("TODO")) {
                return "the TODO" + where(t) + " is still there (it throws UnsupportedOperationException)";
            }
        }
        Throwable cause = thrown;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || cause instanceof InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause(); // the exercise's own exception, not the thread pool's wrapper
        }
        String message = cause.getMessage() == null ? ""
                : cause.getMessage().lines().map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
        if (cause instanceof AssertionError) {
            return message;
        }
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + where(cause);
    }

    /** At most about three lines' worth: the start of a long message says what went wrong. */
    private static String shortened(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + " ...";
    }

    /** Where in the exercise's own file the throwable came from: " (VersionedAppend.java:31)", or "". */
    private static String where(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(frame -> frame.getClassName().contains(".exercises.") && !frame.getClassName().endsWith("Check")
                        && frame.getFileName() != null)
                .findFirst()
                .map(frame -> " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("");
    }
}
