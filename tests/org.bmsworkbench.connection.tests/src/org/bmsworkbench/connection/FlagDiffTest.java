package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.junit.jupiter.api.Test;

/** Flag changes between two snapshots of a pack. */
class FlagDiffTest {

    private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");

    private static PackSnapshot snapshot(List<FlagCategory> reported, PackFlag... raised) {
        PackSnapshot.Builder b = PackSnapshot.builder(3).time(NOW);
        reported.forEach(b::reported);
        for (PackFlag f : raised) {
            b.flag(f, true);
        }
        return b.build();
    }

    private static List<String> changes(PackSnapshot before, PackSnapshot after) {
        return FlagDiff.between("b", 3, before, after, NOW).stream()
                .map(c -> (c.raised() ? "+" : "-") + c.flag()).toList();
    }

    @Test
    void aFlagRaisedInTheFirstReportIsNewsAndAClearOneIsNot() {
        List<FlagCategory> all = List.of(FlagCategory.ALARM, FlagCategory.PROTECTION, FlagCategory.DETECTION);
        assertEquals(List.of("+CELL_OV"), changes(null, snapshot(all, PackFlag.CELL_OV)));
        assertTrue(changes(null, snapshot(all)).isEmpty());
    }

    @Test
    void raisedAndClearedFlagsAreReportedOnceEach() {
        List<FlagCategory> all = List.of(FlagCategory.ALARM, FlagCategory.PROTECTION);
        PackSnapshot a = snapshot(all, PackFlag.CELL_OV);
        PackSnapshot b = snapshot(all, PackFlag.PACK_OVP);
        assertEquals(List.of("-CELL_OV", "+PACK_OVP"), changes(a, b));
        assertTrue(changes(b, b).isEmpty());
        FlagChange c = FlagDiff.between("b", 3, a, b, NOW).get(0);
        assertEquals("b", c.busId());
        assertEquals(3, c.address());
        assertEquals(NOW, c.time());
    }

    @Test
    void aCategoryTheNewSnapshotDoesNotReportChangesNothingAndSystemFlagsAreNotNews() {
        PackSnapshot alarm = snapshot(List.of(FlagCategory.ALARM), PackFlag.CELL_OV);
        assertTrue(changes(alarm, snapshot(List.of(FlagCategory.PROTECTION))).isEmpty());
        assertTrue(changes(null, snapshot(List.of(FlagCategory.SYSTEM), PackFlag.CHARGING)).isEmpty());
    }
}
