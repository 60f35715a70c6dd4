package org.bmsworkbench.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.setup.Capacity;

/**
 * What the System Configuration page shows of a pack, read in one command. Each part is {@code null} (or -1)
 * when the protocol does not have it; {@link #unavailable()} says which parts and why.
 *
 * @param identity        product and production texts, versions
 * @param capacity        full and residual capacity and cycles
 * @param clock           the board's clock when read
 * @param pcTime          the PC's local time at the same moment
 * @param intervalMinutes the data record interval, minutes (0: none)
 * @param interval        its parameter definition (limits, for a write), {@code null} when the protocol has none
 * @param dataRecords     data records kept, -1 when unknown
 * @param alarmRecords    alarm records kept, -1 when unknown
 * @param unavailable     what could not be read, one English line each
 */
public record SystemInfo(DeviceIdentity identity, Capacity capacity, LocalDateTime clock, LocalDateTime pcTime,
        Double intervalMinutes, ParameterDefinition interval, long dataRecords, long alarmRecords, List<String> unavailable) {

    public SystemInfo {
        unavailable = List.copyOf(unavailable);
    }

    /** How far the board's clock is ahead of the PC (negative: behind); {@code null} when unknown. */
    public Duration drift() {
        return clock == null || pcTime == null ? null : Duration.between(pcTime, clock);
    }
}
