package com.zkcourse.lock;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * Sellers in OS processes of their own: {@link SellerMain} in new JVMs, as two terminals run
 * {@code exec:java@seller}. Each one's output is kept (in a temporary file) and printed when it has ended,
 * each line marked with its seller ({@code "  Ctrip  | ..."}), so two processes' lines never mix. What they log
 * (stderr) shows at once. Closing this kills every process still running and deletes the files.
 */
final class SellerProcesses implements AutoCloseable {

    /** How long a seller's process may take to end. */
    static final int WAIT_SECONDS = 120;

    private record Running(Process process, Path output) {
    }

    private final String connectString;
    private final Map<String, Running> running = new LinkedHashMap<>();

    SellerProcesses(String connectString) {
        this.connectString = connectString;
    }

    /** Starts {@code exec:java@seller -Dseller=<seller> -Dprint.ms=<printMillis>} on this demo's server. */
    Process start(String seller, long printMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(),
                "-D" + CourseServer.CONNECT_PROPERTY + "=" + connectString,
                "-D" + SellerMain.SELLER_PROPERTY + "=" + seller,
                "-D" + SellerMain.PRINT_PROPERTY + "=" + printMillis));
        String chapter = System.getProperty(CourseMain.CHAPTER_PROPERTY);
        if (chapter != null) {
            command.add("-D" + CourseMain.CHAPTER_PROPERTY + "=" + chapter);
        }
        command.add(SellerMain.class.getName());
        Path output = Files.createTempFile("zk-course-seller-", ".out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        running.put(seller, new Running(process, output));
        return process;
    }

    /**
     * The chapter's class path. {@code exec:java} runs a main inside Maven's own JVM, in a class loader that
     * holds the project's classes and dependencies, so "java.class.path" is Maven's there; a plain
     * {@code java -cp ...} (a test's JVM, an IDE) has the chapter's in "java.class.path".
     */
    static String classPath() {
        if (SellerProcesses.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file on the class path: " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Waits for the seller's process to end, prints what it printed, and returns its exit code. */
    int awaitAndPrint(String seller) throws IOException, InterruptedException {
        Running process = running.get(seller);
        if (!process.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(seller + "'s process did not end within " + WAIT_SECONDS + " s");
        }
        for (String line : Files.readAllLines(process.output(), StandardCharsets.UTF_8)) {
            System.out.println("  " + Seller.padded(seller) + " | " + line);
        }
        return process.process().exitValue();
    }

    /** kill -9: SIGKILL on Linux and macOS, so the process gets no chance to close its session. Returns its pid. */
    long kill(String seller) throws InterruptedException {
        Process process = running.get(seller).process();
        process.destroyForcibly();
        process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        for (Running process : running.values()) {
            process.process().destroyForcibly();
        }
        try {
            for (Running process : running.values()) {
                process.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // they are killed anyway
        }
        for (Running process : running.values()) {
            Files.deleteIfExists(process.output());
        }
    }
}
