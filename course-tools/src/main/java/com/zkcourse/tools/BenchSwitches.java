package com.zkcourse.tools;

/** The {@code -Dbench.*} switches of the course's benchmarks (04, 05, 06): how long or how often to measure. */
public final class BenchSwitches {

    private BenchSwitches() {
    }

    /**
     * The switch's value, or {@code otherwise} when it is not given. Anything but a positive whole number stops
     * the bench with one line (a {@link CourseFailure}) before it starts a server, instead of measuring nothing.
     */
    public static int positiveNumber(String property, int otherwise) {
        String value = System.getProperty(property);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CourseFailure("bench: -D" + property + "=" + value + " is not a positive whole number (for example -D"
                + property + "=" + otherwise + ")");
    }
}
