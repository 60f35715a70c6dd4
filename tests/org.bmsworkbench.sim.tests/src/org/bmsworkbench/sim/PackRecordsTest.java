package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.junit.jupiter.api.Test;

/** Record codes, the storage interval and the bounded rings, with a board made up by the test. */
class PackRecordsTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 8, 0, 0);

    private final PackSnapshot values = PackSnapshot.builder(1).build();
    private double seconds;
    private final PackRecords.Source source = new PackRecords.Source() {
        @Override
        public LocalDateTime time() {
            return T0.plusSeconds((long) seconds);
        }

        @Override
        public OperatingMode mode() {
            return OperatingMode.IDLE;
        }

        @Override
        public PackSnapshot values() {
            return values;
        }
    };

    @Test
    void codesFollowTheNativeRecordLayout() {
        assertEquals(0x0103, PackRecords.code(PackFlag.CELL_OV, false));
        assertEquals(0x0100, PackRecords.code(PackFlag.PACK_UV, false));
        assertEquals(0x8203, PackRecords.code(PackFlag.CELL_OVP, true));
        assertEquals(0x0211, PackRecords.code(PackFlag.SOC_LOW_P, false));
        assertEquals(0x0306, PackRecords.code(PackFlag.CELL_ERROR, false));
    }

    @Test
    void historyIsWrittenEveryIntervalAndNeverWithoutOne() {
        PackRecords records = new PackRecords(source);
        records.restartInterval(0, 60);
        for (seconds = 1; seconds <= 300; seconds++) {
            records.step(seconds, 60);
        }
        assertEquals(5, records.historyCount());
        assertEquals(T0.plusMinutes(1), records.history(0).time());
        assertEquals(T0.plusMinutes(5), records.history(4).time());
        for (; seconds <= 600; seconds++) {
            records.step(seconds, 0);
        }
        assertEquals(5, records.historyCount(), "an interval of 0 stores nothing");
    }

    @Test
    void theRingsKeepTheNewestAndNumberThemFromTheOldest() {
        PackRecords records = new PackRecords(source, 3, 2);
        Set<PackFlag> active = EnumSet.of(PackFlag.CELL_UV);
        records.alarm(PackFlag.CELL_UV, false, active);
        records.alarm(PackFlag.CELL_UVP, false, active);
        records.alarm(PackFlag.CELL_UVP, true, active);
        assertEquals(2, records.alarmCount());
        assertEquals(0, records.alarm(0).index());
        assertEquals(0x0202, records.alarm(0).code(), "the oldest record was dropped");
        assertEquals(0x8202, records.alarm(1).code());
        assertEquals(active, records.alarm(1).active());
        assertEquals(values, records.alarm(1).values());
        assertEquals(1, records.dropped());
        assertThrows(IndexOutOfBoundsException.class, () -> records.alarm(2));
        records.clearAlarms();
        assertEquals(0, records.alarmCount());
    }
}
