package org.bmsworkbench.ui.config.model;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bmsworkbench.config.SetupWrites;
import org.bmsworkbench.config.SystemReader;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;

/**
 * The writes the System Configuration page offers, each with a write of its kind that the guarded path can judge
 * before anything is typed: a protocol may have a clock but no device setup (Seplos V2), or nothing writable at all
 * (JBD, Daly), and a button for a write it cannot carry is greyed out rather than refused on press.
 */
public enum PageWrite {
    CLOCK, CAPACITY, TEXTS, INTERVAL, DELETE_DATA, DELETE_ALARMS, CALIBRATE, FIRMWARE, HIBERNATE;

    /**
     * A write of each kind for one pack, with harmless values: it is only judged, never submitted. A kind missing
     * from the map has no write on this bus at all (the protocol has no record-interval parameter).
     *
     * @param protocol the bus's protocol, empty when unknown (then the interval is judged like the device setup)
     */
    public static Map<PageWrite, PackWrite<?>> samples(String busId, int address, Optional<BmsProtocol> protocol) {
        Map<PageWrite, PackWrite<?>> m = new EnumMap<>(PageWrite.class);
        m.put(CLOCK, PackWrite.clock(busId, address, LocalDateTime.of(2026, 1, 1, 0, 0)));
        m.put(CAPACITY, SetupWrites.capacity(busId, address, null, null, 0));
        m.put(TEXTS, SetupWrites.text(busId, address, "remarks", "", ""));
        m.put(DELETE_DATA, SetupWrites.deleteRecords(busId, address, Command.HISTORY, -1));
        m.put(DELETE_ALARMS, SetupWrites.deleteRecords(busId, address, Command.ALARM_RECORDS, -1));
        m.put(CALIBRATE, SetupWrites.calibrateCurrentZero(busId, address));
        // a firmware write needs an image to exist; it goes through the same device setup as a text
        m.put(FIRMWARE, SetupWrites.text(busId, address, "remarks", "", ""));
        m.put(HIBERNATE, SetupWrites.hibernate(busId, address));
        if (protocol.isEmpty()) {
            m.put(INTERVAL, SetupWrites.text(busId, address, "remarks", "", ""));
        } else {
            interval(busId, address, protocol.get()).ifPresent(w -> m.put(INTERVAL, w));
        }
        return m;
    }

    private static Optional<PackWrite<?>> interval(String busId, int address, BmsProtocol protocol) {
        for (ParameterDefinition d : protocol.parameterDefinitions()) {
            if (d.key().equals(SystemReader.INTERVAL_PARAMETER)) {
                ParameterSet page = ParameterSet.of(List.of(d));
                return Optional.of(PackWrite.parameters(busId, address, page.with(d.key(), d.minimum()), page));
            }
        }
        return Optional.empty();
    }
}
