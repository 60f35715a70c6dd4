package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.junit.jupiter.api.Test;

/** The physics and the board behaviour of a simulated pack, stepped in simulated time. */
class PackPhysicsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 8, 0, 0);

    static SimBus bus(long seed, double step, PackSpec... specs) {
        return new SimBus(List.of(specs), new NativeModbusProtocol().parameterDefinitions(), seed, T0, step);
    }

    static double spread(PackSnapshot s) {
        return s.get(Quantity.MAX_CELL_VOLTAGE) - s.get(Quantity.MIN_CELL_VOLTAGE);
    }

    @Test
    void socFollowsTheCurrent() {
        SimBus bus = bus(1, 1, PackSpec.typical(1, 16, 4).withInitialSoc(50));
        SimPack pack = bus.packs().get(0);
        double soc0 = pack.snapshot().get(Quantity.SOC);
        pack.setProfile(CurrentProfile.constant(20));
        bus.advance(3600);
        PackSnapshot s = pack.snapshot();
        // 20 Ah into about 99 Ah of learned capacity: +20 points, within the sensor's offset
        assertEquals(soc0 + 2000 / s.get(Quantity.FULL_CAPACITY), s.get(Quantity.SOC), 0.8);
        assertEquals(20, s.get(Quantity.CURRENT), 0.5);
        assertEquals(20, pack.trueCurrent(), 1e-9);
        assertTrue(s.hasFlag(PackFlag.CHARGING));
        double soc1 = s.get(Quantity.SOC);
        pack.setProfile(CurrentProfile.constant(-50));
        bus.advance(1800);
        s = pack.snapshot();
        assertEquals(soc1 - 2500 / s.get(Quantity.FULL_CAPACITY), s.get(Quantity.SOC), 0.8);
        assertTrue(s.hasFlag(PackFlag.DISCHARGING));
        assertEquals(soc1 - 25, pack.trueCellSoc(0), 3.5);
    }

    @Test
    void cellVoltageIsOpenCircuitVoltagePlusCurrentTimesResistance() {
        PackSpec spec = PackSpec.typical(1, 8, 2).withSpread(0).withInitialSoc(50).withChemistry(Chemistry.NMC);
        SimBus bus = bus(1, 1, spec);
        SimPack pack = bus.packs().get(0);
        bus.advance(10);
        double rest = pack.snapshot().cellVoltage(0);
        assertEquals(Chemistry.NMC.ocv(pack.trueCellSoc(0)), rest, 0.002);
        pack.setProfile(CurrentProfile.constant(-100));
        bus.advance(1);
        double loaded = pack.snapshot().cellVoltage(0);
        // 100 A through 0.5 mΩ: 50 mV lower, less the OCV change of one second
        assertEquals(rest - 0.050, loaded, 0.003);
        assertEquals(8 * loaded, pack.trueVoltage(), 0.01);
    }

    @Test
    void cellsDriftApartWithTheirDifferences() {
        SimBus bus = bus(3, 2, PackSpec.typical(1, 16, 4).withChemistry(Chemistry.NMC).withSpread(0.03));
        SimPack pack = bus.packs().get(0);
        Map<String, Double> noBalance = Map.of("balanceMode", 0.0);
        assertEquals(BoardResult.DONE, pack.writeParameters(noBalance));
        double before = spread(pack.snapshot());
        pack.setProfile(CurrentProfile.constant(-30));
        bus.advance(5400);
        // cells of smaller capacity fall faster under the same current
        assertTrue(spread(pack.snapshot()) > before + 0.01, "spread " + before + " -> " + spread(pack.snapshot()));
    }

    @Test
    void protectionsTripAtTheWrittenThresholdsAndOpenTheFet() {
        SimBus bus = bus(2, 0.5, PackSpec.typical(1, 16, 4).withChemistry(Chemistry.NMC).withInitialSoc(70));
        SimPack pack = bus.packs().get(0);
        bus.advance(5);
        double max = pack.snapshot().get(Quantity.MAX_CELL_VOLTAGE);
        double threshold = Math.round((max + 0.040) * 1000) / 1000.0;
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("cellHighVoltageAlarm", threshold - 0.010,
                "cellHighVoltageAlarmRecovery", threshold - 0.020, "cellOverVoltageProtection", threshold,
                "cellOverVoltageProtectionRecovery", threshold - 0.030)));
        pack.setProfile(CurrentProfile.constant(30));
        double lastBelow = Double.NaN;
        PackSnapshot tripped = null;
        for (int i = 0; i < 20_000 && tripped == null; i++) {
            bus.advance(0.5);
            PackSnapshot s = pack.snapshot();
            if (s.hasFlag(PackFlag.CELL_OVP)) {
                tripped = s;
            } else {
                lastBelow = s.get(Quantity.MAX_CELL_VOLTAGE);
            }
        }
        assertTrue(tripped != null, "no over-voltage protection");
        assertTrue(lastBelow < threshold, "tripped late: " + lastBelow + " was already above " + threshold);
        assertTrue(tripped.get(Quantity.MAX_CELL_VOLTAGE) >= threshold - 0.0015,
                "tripped at " + tripped.get(Quantity.MAX_CELL_VOLTAGE) + ", below " + threshold);
        assertTrue(tripped.hasFlag(PackFlag.CELL_OV), "the alarm comes first, 10 mV lower");
        bus.advance(1);
        PackSnapshot after = pack.snapshot();
        assertFalse(after.hasFlag(PackFlag.CFET_ON), "CFET stays closed under over-voltage");
        assertTrue(after.hasFlag(PackFlag.DFET_ON));
        assertEquals(0, pack.trueCurrent(), 1e-9);
        List<Integer> codes = codes(pack);
        assertTrue(codes.contains(0x0103), "CELL_OV raised: " + codes);
        assertTrue(codes.contains(0x0203), "CELL_OVP raised: " + codes);
        // the cell relaxes, then discharging takes it below the recovery and the CFET closes again
        pack.setProfile(CurrentProfile.constant(-30));
        bus.advance(600);
        assertFalse(pack.snapshot().hasFlag(PackFlag.CELL_OVP));
        assertTrue(pack.snapshot().hasFlag(PackFlag.CFET_ON));
        assertTrue(codes(pack).contains(0x8203), "CELL_OVP released: " + codes(pack));
    }

    @Test
    void aDisabledProtectionDoesNotTrip() {
        SimBus bus = bus(2, 1, PackSpec.typical(1, 4, 1).withInitialSoc(30));
        SimPack pack = bus.packs().get(0);
        double min = pack.snapshot().get(Quantity.MIN_CELL_VOLTAGE);
        assertNull(pack.parameterProblem(Map.of("cellUnderVoltageProtection", min - 0.02,
                "cellUnderVoltageProtectionRecovery", min + 0.1, "protectCellUvp", 0.0, "cellLowVoltageAlarm",
                min - 0.01, "cellLowVoltageAlarmRecovery", min + 0.05)));
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("cellUnderVoltageProtection", min - 0.02,
                "cellUnderVoltageProtectionRecovery", min + 0.1, "protectCellUvp", 0.0, "cellLowVoltageAlarm",
                min - 0.01, "cellLowVoltageAlarmRecovery", min + 0.05)));
        pack.setProfile(CurrentProfile.constant(-100));
        bus.advance(120);
        assertTrue(pack.snapshot().hasFlag(PackFlag.CELL_UV), "the alarm is enabled");
        assertFalse(pack.snapshot().hasFlag(PackFlag.CELL_UVP), "the protection is not");
        assertTrue(pack.snapshot().hasFlag(PackFlag.DFET_ON));
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("protectCellUvp", 1.0)));
        bus.advance(2);
        assertTrue(pack.snapshot().hasFlag(PackFlag.CELL_UVP), "enabled now, and the cells are below it");
        assertFalse(pack.snapshot().hasFlag(PackFlag.DFET_ON));
        assertEquals(0, pack.trueCurrent(), 1e-9);
    }

    @Test
    void overCurrentTripsAfterItsDelayAndReleasesAfterTheReleaseDelay() {
        SimBus bus = bus(4, 0.1, PackSpec.typical(1, 16, 4));
        SimPack pack = bus.packs().get(0);
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("dischargeOverCurrent1Protection", 80.0,
                "dischargeOverCurrent1ProtectionDelay", 2.0, "overCurrentReleaseDelay", 10.0)));
        pack.setProfile(CurrentProfile.constant(-100));
        bus.advance(1.5);
        assertFalse(pack.snapshot().hasFlag(PackFlag.DSG_OCP_1), "not before its 2 s delay");
        bus.advance(1.0);
        assertTrue(pack.snapshot().hasFlag(PackFlag.DSG_OCP_1));
        assertFalse(pack.snapshot().hasFlag(PackFlag.DFET_ON));
        pack.setProfile(CurrentProfile.rest());
        bus.advance(8);
        assertTrue(pack.snapshot().hasFlag(PackFlag.DSG_OCP_1), "held for the release delay");
        bus.advance(3);
        assertFalse(pack.snapshot().hasFlag(PackFlag.DSG_OCP_1));
        assertTrue(pack.snapshot().hasFlag(PackFlag.DFET_ON));
    }

    @Test
    void controlInterlocksFollowTheManual() {
        SimBus bus = bus(1, 1, PackSpec.typical(1, 16, 4));
        SimPack pack = bus.packs().get(0);
        pack.setProfile(CurrentProfile.constant(-40));
        bus.advance(2);
        assertEquals(BoardResult.REFUSED_CFET_WHILE_DISCHARGING, pack.control(ControlAction.CFET_OFF));
        assertEquals(1, pack.lastResult());
        assertTrue(pack.snapshot().hasFlag(PackFlag.CFET_ON));
        assertEquals(BoardResult.DONE, pack.control(ControlAction.DFET_OFF), "DFET may open while discharging");
        bus.advance(1);
        assertEquals(0, pack.trueCurrent(), 1e-9);
        assertFalse(pack.controlState(ControlAction.DFET_ON));
        assertEquals(BoardResult.DONE, pack.control(ControlAction.DFET_ON));
        pack.setProfile(CurrentProfile.constant(40));
        bus.advance(2);
        assertEquals(BoardResult.REFUSED_DFET_WHILE_CHARGING, pack.control(ControlAction.DFET_OFF));
        assertEquals(2, pack.lastResult());
        assertEquals(BoardResult.DONE, pack.control(ControlAction.CFET_OFF));
        bus.advance(1);
        assertEquals(0, pack.trueCurrent(), 1e-9, "a held CFET stops the charger");
        assertEquals(BoardResult.DONE, pack.control(ControlAction.CHARGE_LIMIT_ON));
        assertEquals(BoardResult.DONE, pack.control(ControlAction.CFET_ON));
        bus.advance(1);
        assertEquals(10, pack.trueCurrent(), 1e-9, "the limiter passes a tenth of 100 Ah");
        assertTrue(pack.snapshot().hasFlag(PackFlag.CHARGE_CURRENT_LIMIT_ON));
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("enableCfet", 0.0)));
        assertEquals(BoardResult.REFUSED_DISABLED, pack.control(ControlAction.CFET_ON));
    }

    @Test
    void acInFollowsTheChargerNotTheCfet() {
        SimBus bus = bus(1, 1, PackSpec.typical(1, 16, 4).withInitialSoc(40));
        SimPack pack = bus.packs().get(0);
        pack.setProfile(CurrentProfile.cycle(0.5));
        bus.advance(10);
        assertTrue(pack.snapshot().hasFlag(PackFlag.AC_IN));
        assertEquals(50, pack.trueCurrent(), 1e-9);
        assertEquals(BoardResult.DONE, pack.control(ControlAction.CFET_OFF));
        bus.advance(60);
        PackSnapshot held = pack.snapshot();
        assertEquals(0, pack.trueCurrent(), 1e-9, "nothing flows through the open CFET");
        assertFalse(held.hasFlag(PackFlag.CFET_ON));
        assertTrue(held.hasFlag(PackFlag.AC_IN), "the charger is still on the port");
        assertEquals(BoardResult.DONE, pack.control(ControlAction.CFET_ON));
        bus.advance(10);
        assertEquals(50, pack.trueCurrent(), 1e-9, "the charge goes on when the CFET closes");
    }

    @Test
    void balancingNarrowsTheSpreadOnlyWhenItsModeAllows() {
        PackSpec spec = PackSpec.typical(1, 16, 4).withChemistry(Chemistry.NMC).withSpread(0.04).withInitialSoc(85)
                .withBalanceCurrent(0.5);
        SimBus balanced = bus(5, 2, spec);
        SimBus idle = bus(5, 2, spec);
        Map<String, Double> page = Map.of("balanceStartVoltage", 3.85, "balanceStartDifference", 0.010,
                "balanceMode", 2.0);
        assertEquals(BoardResult.DONE, balanced.packs().get(0).writeParameters(page));
        assertEquals(BoardResult.DONE, idle.packs().get(0).writeParameters(Map.of("balanceMode", 1.0)));
        double before = spread(balanced.packs().get(0).snapshot());
        assertEquals(before, spread(idle.packs().get(0).snapshot()), 0.002, "same seed, same pack");
        balanced.advance(60);
        assertTrue(balanced.packs().get(0).snapshot().hasFlag(PackFlag.BALANCING));
        assertFalse(idle.packs().get(0).snapshot().hasFlag(PackFlag.BALANCING), "mode 1 balances only charging");
        balanced.advance(24 * 3600);
        idle.advance(24 * 3600 + 60);
        double after = spread(balanced.packs().get(0).snapshot());
        double unbalanced = spread(idle.packs().get(0).snapshot());
        assertTrue(before > 0.03, "the cells start apart: " + before);
        assertTrue(after < before / 2, "balancing narrowed " + before + " only to " + after);
        assertTrue(unbalanced > before * 0.8, "without balancing the spread stays: " + unbalanced);
    }

    @Test
    void calibrationShiftsTheReadings() {
        SimBus bus = bus(6, 1, PackSpec.typical(1, 16, 4));
        SimPack pack = bus.packs().get(0);
        bus.advance(5);
        double truth = pack.trueVoltage();
        double reading = pack.snapshot().get(Quantity.VOLTAGE);
        assertNotEquals(truth, reading, 0.005, "the divider has a gain error before calibration");
        assertEquals(BoardResult.OUT_OF_WINDOW, pack.calibrateVoltage(truth * 1.2));
        assertEquals(BoardResult.DONE, pack.calibrateVoltage(truth));
        assertEquals(truth, pack.snapshot().get(Quantity.VOLTAGE), 0.002);
        assertEquals(BoardResult.DONE, pack.resetCalibration(1, 0));
        assertEquals(reading, pack.snapshot().get(Quantity.VOLTAGE), 0.003);

        double t3 = pack.measuredTemperature(3);
        assertEquals(BoardResult.DONE, pack.calibrateTemperature(3, t3 + 2.5));
        assertEquals(t3 + 2.5, pack.measuredTemperature(3), 1e-9);
        assertEquals(t3 + 2.5, pack.snapshot().temperature(2), 0.051);
        assertEquals(8, pack.calibrationStatus() & 8);
        assertEquals(BoardResult.OUT_OF_WINDOW, pack.calibrateTemperature(3, t3 + 20));
        assertEquals(BoardResult.DONE, pack.resetCalibration(3, 3));
        assertEquals(t3, pack.measuredTemperature(3), 1e-9);

        bus.advance(1);
        double zero = pack.snapshot().get(Quantity.CURRENT);
        assertEquals(BoardResult.DONE, pack.calibrateCurrentZero());
        bus.advance(1);
        assertEquals(0, pack.snapshot().get(Quantity.CURRENT), 0.04, "zero after calibration, was " + zero);
        pack.setProfile(CurrentProfile.constant(-50));
        bus.advance(1);
        assertEquals(BoardResult.REFUSED_CURRENT_FLOWING, pack.calibrateCurrentZero());
    }

    @Test
    void recordsAccumulateAtTheStorageIntervalAndTheRingIsBounded() {
        SimBus bus = bus(7, 2, PackSpec.typical(1, 4, 1));
        SimPack pack = bus.packs().get(0);
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("storageInterval", 1.0)));
        bus.advance(3600);
        assertEquals(60, pack.historyCount());
        assertEquals(T0.plusMinutes(1), pack.history(0).time());
        assertEquals(T0.plusMinutes(60), pack.history(59).time());
        pack.setClock(LocalDateTime.of(2030, 1, 1, 0, 0, 0));
        bus.advance(60);
        assertEquals(LocalDateTime.of(2030, 1, 1, 0, 1, 0), pack.history(60).time(), "the board's own clock");
        bus.advance(7 * 24 * 3600);
        assertEquals(SimPack.HISTORY_CAPACITY, pack.historyCount());
        assertTrue(pack.droppedRecords() > 0);
        assertTrue(pack.history(0).time().isBefore(pack.history(1).time()), "index 0 is the oldest");
        assertEquals(BoardResult.DONE, pack.control(ControlAction.DELETE_HISTORY));
        assertTrue(pack.busy());
        assertEquals(BoardResult.BUSY, pack.writeParameters(Map.of("storageInterval", 2.0)));
        bus.advance(4);
        assertFalse(pack.busy());
        assertTrue(pack.historyCount() <= 1);
    }

    @Test
    void hibernationSilencesTheBoardUntilTheLineWakesIt() {
        SimBus bus = bus(8, 0.1, PackSpec.typical(1, 4, 1), PackSpec.typical(2, 4, 1));
        SimPack pack = bus.pack(1);
        pack.setProfile(CurrentProfile.constant(-20));
        bus.advance(1);
        assertEquals(BoardResult.REFUSED_CURRENT_FLOWING, pack.control(ControlAction.HIBERNATE));
        pack.setProfile(CurrentProfile.rest());
        bus.advance(1);
        assertEquals(BoardResult.DONE, pack.control(ControlAction.HIBERNATE));
        assertNull(bus.board(1));
        assertEquals(List.of(2), bus.boards().stream().map(Board::address).toList());
        bus.advance(60);
        assertNull(bus.board(1), "still asleep");
        bus.lineActivity(2); // a frame for another pack: any activity on the line wakes it
        bus.advance(0.5);
        assertNull(bus.board(1), "the frame that wakes it is lost; it answers within 1 s");
        bus.advance(0.6);
        assertSame(pack, bus.board(1));
    }

    @Test
    void aSeedMakesTheRunRepeatable() {
        PackSpec spec = PackSpec.typical(3, 32, 8).withSpread(0.03);
        SimBus a = bus(42, 1, spec);
        SimBus b = bus(42, 1, spec);
        SimBus c = bus(43, 1, spec);
        for (SimBus bus : List.of(a, b, c)) {
            bus.packs().get(0).setProfile(CurrentProfile.parse("cycle"));
            bus.advance(7200);
        }
        assertEquals(a.packs().get(0).snapshot(), b.packs().get(0).snapshot());
        assertNotEquals(a.packs().get(0).snapshot(), c.packs().get(0).snapshot());
    }

    @Test
    void parametersAreCheckedAsAWholeBeforeAnyIsStored() {
        SimBus bus = bus(1, 1, PackSpec.typical(1, 16, 4));
        SimPack pack = bus.packs().get(0);
        Map<String, Double> before = pack.parameters();
        // a recovery above its high threshold, with a valid value beside it: neither is stored
        assertEquals(BoardResult.INVALID_VALUE, pack.writeParameters(Map.of("cellHighVoltageAlarmRecovery", 3.7,
                "socLowAlarm", 20.0)));
        assertEquals(BoardResult.INVALID_VALUE, pack.writeParameters(Map.of("cellHighVoltageAlarm", 6.0)));
        assertEquals(BoardResult.INVALID_VALUE, pack.writeParameters(Map.of("noSuchParameter", 1.0)));
        assertEquals(before, pack.parameters());
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("cellLowVoltageLimit", 3.0)),
                "Pylontech's name for the low-voltage alarm");
        assertEquals(3.0, pack.parameter("cellLowVoltageAlarm"));
        assertEquals(-100.0, pack.parameter("dischargeCurrentLimit"), "Pylontech's discharge limit is negative");
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("rs485Address", 9.0)));
        assertSame(pack, bus.pack(9));
        assertEquals(9, pack.snapshot().address());
        assertEquals(BoardResult.DONE, pack.control(ControlAction.RESTORE_DEFAULTS));
        bus.advance(2);
        assertEquals(2.9, pack.parameter("cellLowVoltageAlarm"), 1e-9);
        assertEquals(9, pack.address(), "restore defaults keeps the address");
    }

    @Test
    void aNodeCountBeyondTheWiredCellsReadsAsMissingAndRaisesCellError() {
        SimBus bus = bus(1, 1, PackSpec.typical(1, 16, 4));
        SimPack pack = bus.packs().get(0);
        assertEquals(BoardResult.DONE, pack.writeParameters(Map.of("cellsInSeries", 18.0)));
        bus.advance(1);
        PackSnapshot s = pack.snapshot();
        assertEquals(18, s.cellCount());
        assertTrue(Double.isNaN(s.cellVoltage(17)));
        assertTrue(s.hasFlag(PackFlag.CELL_ERROR));
        AlarmRecord last = pack.alarm(pack.alarmCount() - 1);
        assertEquals(0x0306, last.code(), "detection bit 6, CELL_ERROR, raised");
    }

    private static List<Integer> codes(SimPack pack) {
        List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i < pack.alarmCount(); i++) {
            codes.add(pack.alarm(i).code());
        }
        return codes;
    }
}
