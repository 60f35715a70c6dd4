package org.bmsworkbench.records;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * One record read from a board's store, as the Data Record and Alarm Record pages show it. A record that does not
 * decode or holds impossible values is kept with the reason in {@code damage}, never dropped; a record stamped by a
 * clock that was never set (year 2000 or 1970) has {@code clockNotSet}.
 *
 * @param kind        data or alarm record
 * @param index       position in the board's store when it was read, 0 the oldest
 * @param time        the board's clock when it was stored; {@code null} when the time does not decode
 * @param mode        what the pack was doing
 * @param code        the alarm code (section 9.7), 0 for data records
 * @param active      alarm and protection flags active after the change (alarm records)
 * @param values      voltage, current, SOC, MinV, MaxV, Env, FET and T1..Tn as stored (absent values NaN)
 * @param damage      why the record is damaged, {@code ""} when it is not
 * @param clockNotSet the board's clock had never been set when it stored the record
 */
public record DeviceRecord(RecordKind kind, long index, LocalDateTime time, OperatingMode mode, int code,
        Set<PackFlag> active, PackSnapshot values, String damage, boolean clockNotSet) {

    public DeviceRecord {
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("record index " + index + " is negative");
        }
        Objects.requireNonNull(mode, "mode");
        active = Set.copyOf(active);
        Objects.requireNonNull(values, "values");
        damage = damage == null ? "" : damage;
    }

    public boolean damaged() {
        return !damage.isEmpty();
    }

    /** The same record at another index (the board's ring moved on). */
    public DeviceRecord atIndex(long newIndex) {
        return new DeviceRecord(kind, newIndex, time, mode, code, active, values, damage, clockNotSet);
    }

    /**
     * What identifies the record on its board whatever its index: its time, code, mode and stored values. Two
     * records of one board with the same fingerprint are the same record.
     */
    public String fingerprint() {
        StringJoiner j = new StringJoiner("|");
        j.add(time == null ? "-" : time.toString()).add(Integer.toString(code)).add(mode.name());
        for (Quantity q : RecordValues.QUANTITIES) {
            j.add(format(values.get(q)));
        }
        for (int i = 0; i < values.temperatureCount(); i++) {
            j.add(format(values.temperature(i)));
        }
        return j.toString();
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
