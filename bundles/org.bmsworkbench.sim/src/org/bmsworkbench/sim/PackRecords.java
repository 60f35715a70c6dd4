package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * A board's flash records: a history record every storage interval and an alarm record of every alarm,
 * protection and detection change, each in a bounded ring. Thread-safe as far as the rings are, so the host
 * may read records while the pack steps.
 */
final class PackRecords {

    static final int HISTORY_CAPACITY = 10_000;
    static final int ALARM_CAPACITY = 2_000;

    /** Bit numbers of the alarm record codes (docs/protocols/modbus-native.md, sections 7.2 to 7.4 and 9.7). */
    private static final List<PackFlag> ALARM_BITS = List.of(PackFlag.PACK_UV, PackFlag.PACK_OV, PackFlag.CELL_UV,
            PackFlag.CELL_OV, PackFlag.CELL_DIFF, PackFlag.CHG_UT, PackFlag.CHG_OT, PackFlag.DSG_UT, PackFlag.DSG_OT,
            PackFlag.CELL_UT, PackFlag.CELL_OT, PackFlag.ENV_UT, PackFlag.ENV_OT, PackFlag.MOS_UT, PackFlag.MOS_OT,
            PackFlag.SOC_LOW, PackFlag.CHG_OC, PackFlag.DSG_OC);
    private static final List<PackFlag> PROTECTION_BITS = List.of(PackFlag.PACK_UVP, PackFlag.PACK_OVP,
            PackFlag.CELL_UVP, PackFlag.CELL_OVP, PackFlag.CHG_UTP, PackFlag.CHG_OTP, PackFlag.DSG_UTP,
            PackFlag.DSG_OTP, PackFlag.ENV_UTP, PackFlag.ENV_OTP, PackFlag.MOS_UTP, PackFlag.MOS_OTP, PackFlag.CHG_OCP,
            PackFlag.DSG_OCP_1, PackFlag.DSG_OCP_2, PackFlag.SCP, PackFlag.CHARGER_OVP, PackFlag.SOC_LOW_P,
            PackFlag.INVERSED_CHARGER);
    private static final List<PackFlag> DETECTION_BITS = List.of(PackFlag.CFET_ERROR, PackFlag.DFET_ERROR,
            PackFlag.CURRENT_LIMIT_ERROR, PackFlag.VOLTAGE_SENSE_ERROR, PackFlag.TEMP_SENSE_ERROR,
            PackFlag.CURRENT_SENSE_ERROR, PackFlag.CELL_ERROR, PackFlag.KEY_SWITCH_ERROR, PackFlag.EEPROM_ERROR,
            PackFlag.RTC_ERROR, PackFlag.CALIBRATION_MISSING);

    /** What a record stores of its board at the moment it is written. */
    interface Source {
        LocalDateTime time();

        OperatingMode mode();

        PackSnapshot values();
    }

    private final Source source;
    private final RecordRing<HistoryRecord> history;
    private final RecordRing<AlarmRecord> alarms;
    private double nextHistoryAt;

    PackRecords(Source source) {
        this(source, HISTORY_CAPACITY, ALARM_CAPACITY);
    }

    PackRecords(Source source, int historyCapacity, int alarmCapacity) {
        this.source = source;
        this.history = new RecordRing<>(historyCapacity);
        this.alarms = new RecordRing<>(alarmCapacity);
    }

    /**
     * The code of an alarm record: 0x8000 when cleared, plus the category (1 alarm, 2 protection, 3 detection)
     * × 0x100, plus the flag's bit in its category.
     */
    static int code(PackFlag flag, boolean cleared) {
        int category;
        int bit;
        if (ALARM_BITS.contains(flag)) {
            category = 1;
            bit = ALARM_BITS.indexOf(flag);
        } else if (PROTECTION_BITS.contains(flag)) {
            category = 2;
            bit = PROTECTION_BITS.indexOf(flag);
        } else {
            category = 3;
            bit = DETECTION_BITS.indexOf(flag);
        }
        return (cleared ? 0x8000 : 0) + category * 0x100 + bit;
    }

    /** Starts the storage interval again from {@code now} (a write of the interval, the board's start). */
    void restartInterval(double now, double intervalSeconds) {
        nextHistoryAt = now + intervalSeconds;
    }

    /** Writes a history record when one is due; an interval of 0 or less stores none. */
    void step(double now, double intervalSeconds) {
        if (intervalSeconds <= 0) {
            nextHistoryAt = now;
            return;
        }
        if (now >= nextHistoryAt) {
            PackSnapshot values = source.values();
            history.add(new HistoryRecord(0, source.time(), source.mode(), values));
            nextHistoryAt = Math.max(nextHistoryAt + intervalSeconds, now);
        }
    }

    /** Records that {@code flag} was raised or cleared; {@code active} are the flags active after the change. */
    void alarm(PackFlag flag, boolean cleared, Set<PackFlag> active) {
        Set<PackFlag> activeNow = EnumSet.noneOf(PackFlag.class);
        for (PackFlag f : active) {
            // the record layout has no bit for the other detections, so it cannot store them
            if (f.category() != FlagCategory.DETECTION || DETECTION_BITS.contains(f)) {
                activeNow.add(f);
            }
        }
        alarms.add(new AlarmRecord(0, source.time(), source.mode(), activeNow, code(flag, cleared), source.values()));
    }

    /**
     * Fills the rings as if the board had stored {@code data} data records, one a minute, and {@code alarmCount} alarm
     * records (alarm and protection changes, raised then released) up to now: a board with a past, for the record
     * pages and their benchmark. The values wander around {@code now}'s; the ring keeps its capacity.
     */
    void backfill(int data, int alarmCount, LocalDateTime now, OperatingMode mode, PackSnapshot values) {
        List<PackFlag> kinds = List.of(PackFlag.CELL_OV, PackFlag.CELL_OVP, PackFlag.CHG_OT, PackFlag.SOC_LOW,
                PackFlag.DSG_OC, PackFlag.CELL_UVP, PackFlag.ENV_UT);
        for (int i = data; i >= 1; i--) {
            double phase = Math.sin(i / 90.0);
            PackSnapshot v = wander(values, phase);
            OperatingMode m = phase > 0.3 ? OperatingMode.CHARGE : phase < -0.3 ? OperatingMode.DISCHARGE
                    : OperatingMode.IDLE;
            history.add(new HistoryRecord(0, now.minusMinutes(i), m, v));
        }
        int events = Math.min(alarmCount, alarms.capacity());
        for (int i = events; i >= 1; i--) {
            PackFlag flag = kinds.get((i / 2) % kinds.size());
            boolean cleared = i % 2 == 1;
            Set<PackFlag> active = cleared ? Set.of() : Set.of(flag);
            alarms.add(new AlarmRecord(0, now.minusMinutes(i * 17L), mode, active, code(flag, cleared),
                    wander(values, Math.cos(i / 7.0))));
        }
    }

    private static PackSnapshot wander(PackSnapshot values, double phase) {
        PackSnapshot.Builder b = values.toBuilder();
        for (Quantity q : List.of(Quantity.VOLTAGE, Quantity.MIN_CELL_VOLTAGE, Quantity.MAX_CELL_VOLTAGE)) {
            double v = values.get(q);
            if (!Double.isNaN(v)) {
                b.set(q, Math.round(v * (1 + 0.02 * phase) * 1000) / 1000.0);
            }
        }
        double soc = values.get(Quantity.SOC);
        if (!Double.isNaN(soc)) {
            b.set(Quantity.SOC, Math.round(Math.max(0, Math.min(100, soc + 30 * phase)) * 10) / 10.0);
        }
        double current = values.get(Quantity.CURRENT);
        if (!Double.isNaN(current)) {
            b.set(Quantity.CURRENT, Math.round(40 * phase * 1000) / 1000.0);
        }
        return b.build();
    }

    void clearHistory() {
        history.clear();
    }

    void clearAlarms() {
        alarms.clear();
    }

    int historyCount() {
        return history.size();
    }

    /** The record at {@code index}, 0 the oldest kept, with that index as the host addresses it. */
    HistoryRecord history(int index) {
        HistoryRecord r = history.get(index);
        return new HistoryRecord(index, r.time(), r.mode(), r.values());
    }

    int alarmCount() {
        return alarms.size();
    }

    AlarmRecord alarm(int index) {
        AlarmRecord r = alarms.get(index);
        return new AlarmRecord(index, r.time(), r.mode(), r.active(), r.code(), r.values());
    }

    /** Records the rings dropped because they were full. */
    long dropped() {
        return history.dropped() + alarms.dropped();
    }
}
