package org.bmsworkbench.ui.app;

import java.time.Duration;
import java.util.Locale;

/** How the status line writes a recording's duration and size: {@code 2 d 03:04:05}, {@code 12.3 MB}. */
final class RecordingFigures {

    private RecordingFigures() {
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60);
        return days > 0 ? days + " d " + clock : clock;
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KB", "MB", "GB", "TB" };
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
