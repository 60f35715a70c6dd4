package org.bmsworkbench.ui.comm;

import java.text.MessageFormat;

/** User-facing strings of the Communication view ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String comm_pack;
    public String comm_allPacks;
    public String comm_direction;
    public String comm_bothDirections;
    public String comm_outcome;
    public String comm_anyOutcome;
    public String comm_errors;
    public String comm_search;
    public String comm_pause;
    public String comm_paused;
    public String comm_clear;
    public String comm_export;
    public String comm_export_title;
    public String comm_exported;
    public String comm_export_failed;
    public String comm_decode;
    public String comm_decode_hint;
    public String comm_status;
    public String col_time;
    public String col_direction;
    public String col_bus;
    public String col_pack;
    public String col_frame;
    public String col_summary;
    public String col_outcome;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }
}
