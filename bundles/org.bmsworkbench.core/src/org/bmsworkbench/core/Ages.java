package org.bmsworkbench.core;

import java.time.Duration;

/** Short, language-neutral ages such as {@code 4 s}, {@code 12 min}, {@code 3 h}, {@code 2 d}. */
public final class Ages {

    private Ages() {
    }

    public static String format(Duration age) {
        if (age == null) {
            return "";
        }
        long s = Math.max(0, age.getSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 120 * 60) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
