package org.bmsworkbench.ui.bus;

import java.text.MessageFormat;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackLinkState;

/** User-facing strings of the bus views ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String overview_title;
    public String packState_HIBERNATING;
    public String overview_empty;
    public String overview_summary;
    public String column_bus;
    public String column_pack;
    public String column_state;
    public String column_lastAnswer;
    public String column_detail;
    public String column_time;
    public String column_change;
    public String bus_row;
    public String bus_simulated;
    public String bus_replay;
    public String pack_row;
    public String never;
    public String ago;
    public String activity_empty;
    public String busState_OPENING;
    public String busState_OPEN;
    public String busState_RECONNECTING;
    public String busState_CLOSED;
    public String busState_FAILED;
    public String busState_RETRYING;
    public String packState_ONLINE;
    public String packState_STALE;
    public String packState_OFFLINE;
    public String recorder;
    public String recordingState_OFF;
    public String recordingState_RECORDING;
    public String recordingState_PAUSED;

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

    public String name(ShownBusState state) {
        return switch (state) {
            case OPENING -> busState_OPENING;
            case OPEN -> busState_OPEN;
            case RETRYING -> busState_RETRYING;
            case CLOSED -> busState_CLOSED;
            case FAILED -> busState_FAILED;
        };
    }

    public String name(PackLinkState state) {
        return switch (state) {
            case ONLINE -> packState_ONLINE;
            case STALE -> packState_STALE;
            case OFFLINE -> packState_OFFLINE;
            case HIBERNATING -> packState_HIBERNATING;
        };
    }

    /**
     * The label of a bus for people: the connection service names the simulated bus in English
     * ({@link BusStatus#SIMULATED_LABEL}), a port or gateway by its address, which needs no translation.
     */
    public String busLabel(BusStatus status) {
        return status.isReplay() ? format(bus_replay, status.label())
                : status.isSimulated() ? bus_simulated : status.label();
    }

    /**
     * A state name as published in an activity entry, translated when it is a known state; a bus state with the
     * entry's {@code detail} (a failure that is retried is "Retrying").
     */
    public String stateName(String name, String detail) {
        ShownBusState shown = ShownBusState.of(name, detail);
        return shown == null ? stateName(name) : name(shown);
    }

    /** A state name as published in an activity entry, translated when it is a known state. */
    public String stateName(String name) {
        ShownBusState bus = ShownBusState.of(name, "");
        if (bus != null) {
            return name(bus);
        }
        for (PackLinkState s : PackLinkState.values()) {
            if (s.name().equals(name)) {
                return name(s);
            }
        }
        return switch (name) {
            case "OFF" -> recordingState_OFF;
            case "RECORDING" -> recordingState_RECORDING;
            case "PAUSED" -> recordingState_PAUSED;
            default -> name;
        };
    }
}
