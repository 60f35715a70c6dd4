package org.bmsworkbench.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.setup.Capacity;

/**
 * What the System Configuration page shows of a pack, read in one command. Each part is {@code null} (or -1)
 * when the protocol does not have it; {@link #unavailable()} says which parts and why.
 *
 * @param identity        product and production texts, versions
 * @param capacity        full and residual capacity and cycles
 * @param clock           the board's clock when read
 * @param pcTime          the PC's local time at the same moment
 * @param page            the parameter page as read (the data record interval and the design capacity are on it),
 *                        {@code null} when the protocol has none
 * @param dataRecords     data records kept, -1 when unknown
 * @param alarmRecords    alarm records kept, -1 when unknown
 * @param unavailable     what could not be read, and why
 */
public record SystemInfo(DeviceIdentity identity, Capacity capacity, LocalDateTime clock, LocalDateTime pcTime,
        ParameterSet page, long dataRecords, long alarmRecords, List<Gap> unavailable) {

    public SystemInfo {
        unavailable = List.copyOf(unavailable);
    }

    /** A part of the page the pack or its protocol does not have; views word it in their language. */
    public enum Part {
        /** The protocol has no clock. */
        CLOCK,
        /** The protocol has no device setup: no capacity, texts, calibration or firmware. */
        SYSTEM_CONFIGURATION,
        /** The pack answered none of its identity requests (some boards serve them on one port only). */
        IDENTITY,
        DATA_RECORD_COUNT,
        ALARM_RECORD_COUNT
    }

    /**
     * One part that could not be read.
     *
     * @param detail the protocol's or the pack's own words (English), empty when the part says it all
     */
    public record Gap(Part part, String detail) {

        @Override
        public String toString() {
            return part.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (detail.isEmpty() ? ""
                    : ": " + detail);
        }
    }

    /** The data record interval's parameter (limits, for a write); {@code null} when the protocol has none. */
    public ParameterDefinition interval() {
        return definition(SystemReader.INTERVAL_PARAMETER);
    }

    /** The data record interval in minutes (0: none); {@code null} when unknown. */
    public Double intervalMinutes() {
        return value(SystemReader.INTERVAL_PARAMETER);
    }

    /** The design capacity's parameter; {@code null} when the protocol has none. */
    public ParameterDefinition design() {
        return definition(SystemReader.DESIGN_PARAMETER);
    }

    /** The design capacity in Ah; {@code null} when unknown. */
    public Double designAh() {
        return value(SystemReader.DESIGN_PARAMETER);
    }

    private ParameterDefinition definition(String key) {
        return page == null || !page.hasValue(key) ? null : page.definition(key);
    }

    private Double value(String key) {
        return page == null || !page.hasValue(key) ? null : page.value(key);
    }

    /** How far the board's clock is ahead of the PC (negative: behind); {@code null} when unknown. */
    public Duration drift() {
        return clock == null || pcTime == null ? null : Duration.between(pcTime, clock);
    }
}
