package com.zkcourse.tools;

/** Mains that fail the two ways CourseMain tells apart. */
public class FailingMains {

    /** Something the student can put right. */
    public static class Fixable {
        public static void main(String[] args) {
            CourseMain.run(server -> {
                throw new CourseFailure("no connection to " + server.connectString() + " within 5 s: is it running?");
            });
        }
    }

    /** A bug. */
    public static class Buggy {
        public static void main(String[] args) {
            CourseMain.run(server -> {
                throw new IllegalStateException("a bug");
            });
        }
    }

    /** A switch that is wrong: the main stops before any server is chosen. */
    public static class BadSwitch {
        public static void main(String[] args) {
            CourseMain.run(() -> {
                throw new CourseFailure("-Dlisten=maybe: use -Dlisten=true, or leave it out");
            }, (server, switches) -> System.out.println("never"));
        }
    }

    /** A main that must share a running server with other processes. */
    public static class Shared {
        public static void main(String[] args) {
            CourseMain.runOnRunningServer("the sellers of two terminals must share one",
                    server -> System.out.println("shared: " + server.connectString()));
        }
    }
}
