package org.bmsworkbench.ui.replay;

import java.text.MessageFormat;

/** User-facing strings of the Replay view and File > Open recording ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String replay_open;
    public String replay_open_title;
    public String replay_open_failed;
    public String replay_none;
    public String replay_play;
    public String replay_pause;
    public String replay_step;
    public String replay_speed;
    public String replay_close;
    public String replay_marker;
    public String replay_position;
    public String replay_ended;
    public String replay_writes;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }
}
