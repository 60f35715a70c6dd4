package org.bmsworkbench.cli.benchmark;

/** The range checks of the benchmark options, with the messages every command uses. */
final class Ranges {

    private Ranges() {
    }

    static int check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
