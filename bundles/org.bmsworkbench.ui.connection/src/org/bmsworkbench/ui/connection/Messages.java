package org.bmsworkbench.ui.connection;

import java.text.MessageFormat;

import org.bmsworkbench.events.BusState;

/** User-facing strings of the connection view ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String port;
    public String refresh;
    public String port_tcp;
    public String port_sim;
    public String gateway;
    public String baud;
    public String format;
    public String protocol;
    public String packs;
    public String first;
    public String open;
    public String close;
    public String state;
    public String simulated_marker;
    public String no_bus;
    public String bus_line;
    public String shown;
    public String lock;
    public String lock_tooltip;
    public String error_title;
    public String no_ports;
    public String recent_none;
    public String recent_line;
    public String busState_OPENING;
    public String busState_OPEN;
    public String busState_RECONNECTING;
    public String busState_CLOSED;
    public String busState_FAILED;
    public String busState_RETRYING;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    public String name(BusState state) {
        return switch (state) {
            case OPENING -> busState_OPENING;
            case OPEN -> busState_OPEN;
            case RECONNECTING -> busState_RECONNECTING;
            case CLOSED -> busState_CLOSED;
            case FAILED -> busState_FAILED;
        };
    }
}
