package org.bmsworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PackSnapshotTest {

    @Test
    void absentValuesStayAbsentNotZero() {
        PackSnapshot s = PackSnapshot.builder(3).set(Quantity.VOLTAGE, 52.1).build();
        assertTrue(s.has(Quantity.VOLTAGE));
        assertFalse(s.has(Quantity.CURRENT));
        assertTrue(Double.isNaN(s.get(Quantity.CURRENT)));
        assertTrue(s.find(Quantity.SOC).isEmpty());
        assertTrue(s.reportedFlagCategories().isEmpty());
    }

    @Test
    void limitsOfTheBusAreEnforced() {
        PackSnapshot.Builder b = PackSnapshot.builder(1);
        assertThrows(IllegalArgumentException.class, () -> b.cellVoltage(176, 3.3));
        assertThrows(IllegalArgumentException.class, () -> b.temperature(33, 20));
        assertThrows(IllegalArgumentException.class, () -> b.set(Quantity.VOLTAGE, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PackSnapshot.builder(256));
        b.cellVoltage(175, 3.3).temperature(32, 25);
        PackSnapshot s = b.build();
        assertEquals(176, s.cellCount());
        assertTrue(Double.isNaN(s.cellVoltage(0)));
        assertEquals(33, s.temperatureCount());
    }

    @Test
    void snapshotsAreImmutable() {
        PackSnapshot s = PackSnapshot.builder(1).cellVoltage(0, 3.2).balancing(0, true).build();
        s.cellVoltages()[0] = 9;
        s.balancing().clear();
        assertEquals(3.2, s.cellVoltage(0));
        assertTrue(s.isBalancing(0));
        assertThrows(UnsupportedOperationException.class, () -> s.flags().add(PackFlag.CELL_OV));
    }

    @Test
    void mergeLaysNewerValuesAndReportedFlagGroupsOverOlder() {
        PackSnapshot analog = PackSnapshot.builder(2).time(Instant.ofEpochSecond(10)).set(Quantity.VOLTAGE, 50)
                .cellVoltage(0, 3.1).cellVoltage(1, 3.2).flag(PackFlag.CELL_OV, true).flag(PackFlag.CFET_ON, true)
                .build();
        PackSnapshot alarms = PackSnapshot.builder(2).time(Instant.ofEpochSecond(11)).reported(FlagCategory.ALARM)
                .flag(PackFlag.PACK_UV, true).set(Quantity.CURRENT, -2).build();
        PackSnapshot merged = analog.mergedWith(alarms);
        assertEquals(Instant.ofEpochSecond(11), merged.time());
        assertEquals(50, merged.get(Quantity.VOLTAGE));
        assertEquals(-2, merged.get(Quantity.CURRENT));
        assertEquals(2, merged.cellCount());
        // The newer reply reported alarms, so the older cell alarm is gone; system flags it did not report stay.
        assertEquals(Set.of(PackFlag.PACK_UV, PackFlag.CFET_ON), merged.flags());
        assertThrows(IllegalArgumentException.class, () -> analog.mergedWith(PackSnapshot.builder(3).build()));
    }

    @Test
    void cellStatisticsIgnoreCellsNotRead() {
        PackSnapshot s = PackSnapshot.builder(1).cellVoltage(0, 3.0).cellVoltage(2, 3.4).build();
        double[] stats = s.cellStatistics();
        assertEquals(3.0, stats[0]);
        assertEquals(3.4, stats[1]);
        assertEquals(3.2, stats[2], 1e-12);
    }

    @Test
    void everyFlagBelongsToTheCategoryItIsListedIn() {
        int total = 0;
        for (FlagCategory c : FlagCategory.values()) {
            assertFalse(PackFlag.of(c).isEmpty(), c + " has no flags");
            total += PackFlag.of(c).size();
        }
        assertEquals(PackFlag.values().length, total);
        for (Quantity q : Quantity.values()) {
            assertEquals(q, Quantity.byKey(q.key()));
        }
    }
}
