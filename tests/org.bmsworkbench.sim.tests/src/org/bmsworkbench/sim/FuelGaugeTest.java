package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.bmsworkbench.protocol.device.BoardResult;
import org.junit.jupiter.api.Test;

/** The board's own capacity count, on measured currents given by the test. */
class FuelGaugeTest {

    private final FuelGauge gauge = new FuelGauge(PackSpec.typical(1, 16, 4).withInitialSoc(50), new Random(1));

    @Test
    void countsTheMeasuredCurrentAndTheDischargedTotals() {
        double full = gauge.fullCapacity();
        assertTrue(full >= 98 && full <= 100, "learned capacity " + full);
        assertEquals(50, gauge.soc(), 1e-9);
        double ah = gauge.dischargedTotalAh();
        double kwh = gauge.dischargedTotalKwh();
        gauge.count(-20, 3600, 50);
        assertEquals(full / 2 - 20, gauge.remaining(), 1e-9);
        assertEquals(ah + 20, gauge.dischargedTotalAh(), 1e-9);
        assertEquals(kwh + 1.0, gauge.dischargedTotalKwh(), 1e-9);
        gauge.count(30, 3600, 50);
        assertEquals(ah + 20, gauge.dischargedTotalAh(), 1e-9, "charge adds nothing to the discharged total");
        gauge.count(500, 3600, 50);
        assertEquals(full, gauge.remaining(), 1e-9, "never above the full capacity");
    }

    @Test
    void aCycleIsOneFullCapacityDischarged() {
        int cycles = gauge.cycles();
        gauge.count(-gauge.fullCapacity() * 0.6, 3600, 50);
        gauge.count(100, 3600, 50);
        assertEquals(cycles, gauge.cycles());
        gauge.count(-gauge.fullCapacity() * 0.6, 3600, 50);
        assertEquals(cycles + 1, gauge.cycles(), "two discharges of 60 % make one cycle");
    }

    @Test
    void learnsFullAtTheTopOfChargeAndEmptyOnlyWhenItsCountAgrees() {
        gauge.learn(true, false);
        assertTrue(gauge.fullCharge());
        assertEquals(gauge.fullCapacity(), gauge.remaining(), 1e-9);
        gauge.count(-10, 3600, 50);
        gauge.learn(true, false);
        assertEquals(gauge.fullCapacity() - 10, gauge.remaining(), 1e-9, "learned once per charge");
        gauge.learn(false, true);
        assertTrue(gauge.remaining() > 0, "at 90 % a cell at the cut-off is not taken for empty");
        gauge.count(-85, 3600, 50);
        gauge.learn(false, true);
        assertFalse(gauge.fullCharge());
        assertEquals(0, gauge.remaining());
    }

    @Test
    void configureChecksTheWholeSet() {
        assertEquals(BoardResult.INVALID_VALUE, gauge.configure(Map.of("fullCapacity", 90.0, "soc", 1.0)));
        assertEquals(BoardResult.INVALID_VALUE, gauge.configure(Map.of("remainingCapacity", 200.0)));
        assertEquals(BoardResult.INVALID_VALUE, gauge.configure(Map.of("cycleCount", 2.5)));
        assertEquals(BoardResult.DONE, gauge.configure(Map.of("fullCapacity", 90.0, "remainingCapacity", 45.0,
                "cycleCount", 7.0)));
        assertEquals(50, gauge.soc(), 1e-9);
        assertEquals(7, gauge.cycles());
    }
}
