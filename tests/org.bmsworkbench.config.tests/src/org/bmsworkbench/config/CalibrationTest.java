package org.bmsworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.setup.CalibrationReset;
import org.bmsworkbench.sim.SimPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three calibrations against the simulator's real sensor errors: each brings the board's reading to the true
 * value within the step's resolution, and a reset brings the error back.
 */
class CalibrationTest {

    @TempDir
    Path dir;

    private ConfigRack rack;
    private SimPack pack;

    @BeforeEach
    void setUp() throws Exception {
        rack = new ConfigRack(1, 0, dir);
        pack = rack.sim.pack(1);
    }

    @AfterEach
    void tearDown() {
        rack.close();
    }

    private double measured(Quantity q) {
        return pack.snapshot().find(q).orElse(Double.NaN);
    }

    @Test
    void voltageCalibrationRemovesTheGainErrorAndResetBringsItBack() throws Exception {
        double error = measured(Quantity.VOLTAGE) - pack.trueVoltage();
        assertTrue(Math.abs(error) > 0.005, "the simulated board has a gain error: " + error);
        var o = rack.write(SetupWrites.calibrateVoltage(ConfigRack.BUS, 1, pack.trueVoltage()));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertTrue(Math.abs(measured(Quantity.VOLTAGE) - pack.trueVoltage()) <= 0.002,
                "within 2 mV after: " + (measured(Quantity.VOLTAGE) - pack.trueVoltage()));
        assertTrue(Math.abs(o.value().worstResidual()) <= o.value().tolerance(), o.value().summary());
        var reset = rack.write(SetupWrites.resetCalibration(ConfigRack.BUS, 1, CalibrationReset.VOLTAGE, 0));
        assertEquals(WriteOutcome.Kind.CONFIRMED, reset.kind(), reset.detail());
        assertEquals(error, measured(Quantity.VOLTAGE) - pack.trueVoltage(), 0.002, "the factory error is back");
    }

    @Test
    void currentZeroMakesTheRestingPackReadZero() throws Exception {
        double before = measured(Quantity.CURRENT);
        assertEquals(0, pack.trueCurrent(), 1e-9, "nothing flows");
        var o = rack.write(SetupWrites.calibrateCurrentZero(ConfigRack.BUS, 1));
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertTrue(Math.abs(measured(Quantity.CURRENT)) <= 0.05, "after " + measured(Quantity.CURRENT) + " (before "
                + before + ")");
        var reset = rack.write(SetupWrites.resetCalibration(ConfigRack.BUS, 1, CalibrationReset.CURRENT_ZERO, 0));
        assertEquals(WriteOutcome.Kind.CONFIRMED, reset.kind(), reset.detail());
        assertEquals(before, measured(Quantity.CURRENT), 0.05, "the factory zero is back");
    }

    @Test
    void temperatureCalibrationOfOneSensorAndOfAllToOneReference() throws Exception {
        double t1 = pack.trueTemperature(1);
        double err1 = pack.snapshot().temperature(0) - t1;
        var one = rack.write(SetupWrites.calibrateTemperature(ConfigRack.BUS, 1, 1, t1));
        assertEquals(WriteOutcome.Kind.CONFIRMED, one.kind(), one.detail());
        assertTrue(Math.abs(pack.snapshot().temperature(0) - t1) <= 0.1, "T1 within 0.1 \u00b0C: "
                + (pack.snapshot().temperature(0) - t1) + " (was " + err1 + ")");
        // the pack's sensors sit at one temperature at rest: each to the mean of the true values
        double reference = (pack.trueTemperature(2) + pack.trueTemperature(3) + pack.trueTemperature(4)) / 3;
        var all = rack.write(SetupWrites.calibrateTemperatures(ConfigRack.BUS, 1, List.of(2, 3, 4), reference));
        assertEquals(WriteOutcome.Kind.CONFIRMED, all.kind(), all.detail());
        assertEquals(3, all.value().steps().size());
        for (int s = 2; s <= 4; s++) {
            assertEquals(reference, pack.snapshot().temperature(s - 1), 0.1, "T" + s);
        }
        var reset = rack.write(SetupWrites.resetCalibration(ConfigRack.BUS, 1, CalibrationReset.ALL_SENSORS, 0));
        assertEquals(WriteOutcome.Kind.CONFIRMED, reset.kind(), reset.detail());
        assertEquals(err1, pack.snapshot().temperature(0) - t1, 0.1, "T1's factory error is back");
        assertTrue(rack.auditLines().stream().filter(l -> l.contains("calibrate")).count() >= 4, "each audited");
    }

    @Test
    void implausibleReferencesAreCaughtBeforeSending() {
        assertNotNull(CalibrationChecks.voltageProblem(52.0, 56.0), "8 % off");
        assertNull(CalibrationChecks.voltageProblem(52.0, 52.4));
        assertNotNull(CalibrationChecks.temperatureProblem(25.0, 37.0), "12 \u00b0C off");
        assertNull(CalibrationChecks.temperatureProblem(25.0, 24.2));
        assertNotNull(CalibrationChecks.temperatureProblem(Double.NaN, 24.2), "sensor unreadable");
    }

    @Test
    void steadinessNeedsTheWholeWindow() {
        Steadiness zero = Steadiness.below(1.0, 5);
        for (int s = 0; s <= 4; s++) {
            zero.add(s, 0.2);
        }
        assertTrue(!zero.steady() && zero.steadyFor() == 4);
        zero.add(5, 0.3);
        assertTrue(zero.steady());
        zero.add(6, 3.0);
        assertTrue(!zero.steady(), "a current above the limit starts again");
        Steadiness temp = Steadiness.within(0.3, 10);
        for (int s = 0; s <= 10; s++) {
            temp.add(s, 25 + (s == 6 ? 0.5 : 0.1));
        }
        assertTrue(!temp.steady(), "a jump inside the window: steady only since it, " + temp.steadyFor());
        for (int s = 11; s <= 17; s++) {
            temp.add(s, 25.1);
        }
        assertTrue(temp.steady(), "steady for " + temp.steadyFor());
    }
}
