package org.bmsworkbench.ui.app;

import java.text.MessageFormat;

/**
 * User-facing strings of the application bundle, read from {@code OSGI-INF/l10n/bundle*.properties}
 * by e4's {@code @Translation} support, which re-injects them when the language is switched.
 */
public class Messages {

    public String status_noBus;
    public String status_buses;
    public String status_packs;
    public String status_hibernating;
    public String status_tooltip;
    public String status_simulated;
    public String status_recordingOff;
    public String status_recording;
    public String status_recordingPaused;
    public String status_recordingSkipped;
    public String status_lowDisk;
    public String about_title;
    public String about_text;
    public String resetLayout_title;
    public String resetLayout_failed;

    /** Formats one of the patterns above. */
    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }
}
