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
    public String problem_EMPTY;
    public String problem_NOT_WHOLE;
    public String problem_PACKS_OUTSIDE;
    public String problem_FIRST_OUTSIDE;
    public String problem_ADDRESSES_OUTSIDE;
    public String problem_NO_PORT;
    public String problem_NO_SIMULATOR;
    public String field_PACKS;
    public String field_FIRST;
    public String field_BAUD;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** A form problem in these strings' language; any other exception's message as it came. */
    public String problem(RuntimeException e) {
        if (!(e instanceof ConnectionForm.Problem p)) {
            return e.getMessage();
        }
        Object[] args = p.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ConnectionForm.Problem.Field f) {
                args[i] = switch (f) {
                    case PACKS -> field_PACKS;
                    case FIRST -> field_FIRST;
                    case BAUD -> field_BAUD;
                };
            }
        }
        String pattern = switch (p.kind()) {
            case EMPTY -> problem_EMPTY;
            case NOT_WHOLE -> problem_NOT_WHOLE;
            case PACKS_OUTSIDE -> problem_PACKS_OUTSIDE;
            case FIRST_OUTSIDE -> problem_FIRST_OUTSIDE;
            case ADDRESSES_OUTSIDE -> problem_ADDRESSES_OUTSIDE;
            case NO_PORT -> problem_NO_PORT;
            case NO_SIMULATOR -> problem_NO_SIMULATOR;
        };
        return format(pattern, args);
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
