package com.zkcourse.testing.exercises;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class path this code runs with, wherever it runs: a surefire fork, {@code exec:java}, a plain JVM. */
final class Classpath {

    private Classpath() {
    }

    static List<Path> current() {
        // Surefire starts its fork with a manifest-only jar; the real class path is in this property.
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return split(surefire);
        }
        // exec:java runs the main inside Maven's JVM, with the project's class path in its own class loader.
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
                loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
                List<Path> paths = new ArrayList<>();
                for (URL url : urls.getURLs()) {
                    try {
                        paths.add(Path.of(url.toURI()));
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException("not a file on the class path: " + url, e);
                    }
                }
                return paths;
            }
        }
        return split(System.getProperty("java.class.path"));
    }

    static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> split(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }
}
