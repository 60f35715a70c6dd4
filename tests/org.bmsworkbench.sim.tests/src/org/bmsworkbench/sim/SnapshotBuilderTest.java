package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.junit.jupiter.api.Test;

/** What a board reports of a pack at rest, built from its parts without stepping it. */
class SnapshotBuilderTest {

    private final PackSpec spec = PackSpec.typical(3, 4, 2);
    private final ParameterPage page = new ParameterPage(spec, List.of());
    private final PackPhysics physics = new PackPhysics(spec, new Random(1));
    private final SnapshotBuilder builder = new SnapshotBuilder(page, physics, new FuelGauge(spec, new Random(2)),
            new Protections(page, spec));

    SnapshotBuilderTest() {
        physics.integrateCells(0);
        physics.measureCurrent();
    }

    @Test
    void thePortShowsThePackThroughAFetAndOnlyAChargerWithout() {
        PackSnapshot through = builder.build(false, true, 0);
        double volts = through.get(Quantity.VOLTAGE);
        assertEquals(volts, through.get(Quantity.PORT_VOLTAGE));
        assertEquals(0, through.get(Quantity.CHARGE_CURRENT_LIMIT), "no charge through an open CFET");
        assertFalse(through.hasFlag(PackFlag.AC_IN));
        assertEquals(0, builder.build(false, false, 0).get(Quantity.PORT_VOLTAGE));
        PackSnapshot charger = builder.build(false, false, 10);
        assertEquals(volts + 0.5, charger.get(Quantity.PORT_VOLTAGE), 0.0011);
        assertTrue(charger.hasFlag(PackFlag.AC_IN));
        assertEquals(List.of(FlagCategory.values()), List.copyOf(charger.reportedFlagCategories()));
    }

    @Test
    void cellsThePageNamesButNoWireReachesReadAsMissing() {
        assertNotNull(page.write(Map.of("cellsInSeries", 6.0, "tempSensorCount", 3.0)));
        PackSnapshot s = builder.build(true, true, 0);
        assertEquals(3, s.address());
        assertEquals(6, s.cellCount());
        assertTrue(Double.isNaN(s.cellVoltage(4)) && Double.isNaN(s.cellVoltage(5)));
        assertTrue(Double.isNaN(s.temperature(2)));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += s.cellVoltage(i);
        }
        assertEquals(Math.round(sum / 4 * 1000) / 1000.0, s.get(Quantity.AVERAGE_CELL_VOLTAGE), "wired cells only");
    }
}
