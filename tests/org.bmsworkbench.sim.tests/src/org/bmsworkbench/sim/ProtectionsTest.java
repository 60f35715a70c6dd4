package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.BoardResult;
import org.junit.jupiter.api.Test;

/** The board's judgement on readings made up by the test, with the factory page of a 16-cell LFP pack. */
class ProtectionsTest {

    private final ParameterPage page = new ParameterPage(PackSpec.typical(1, 16, 4), List.of());
    private final Protections protections = new Protections(page, PackSpec.typical(1, 16, 4));

    /** A pack at rest in the middle of every range. */
    private static Protections.Readings calm() {
        return readings(3.30, 3.30, 0, 0, 0);
    }

    private static Protections.Readings readings(double cellMax, double cellMin, double measured, double current,
            double requested) {
        return new Protections.Readings(cellMax, cellMin, 52.8, 25, 25, 25, 25, 50, measured, current, requested);
    }

    @Test
    void aCalmPackRaisesNothing() {
        assertEquals(List.of(), protections.judge(calm(), 1, 1));
        assertTrue(protections.active().isEmpty());
        assertTrue(protections.cfetOn(true));
        assertTrue(protections.dfetOn(true));
        assertFalse(protections.cfetOn(false), "a board that does not run switches nothing on");
    }

    @Test
    void aHighThresholdSetsAtItsValueAndClearsOnlyBelowItsRecovery() {
        // LFP factory page: cell over-voltage protection 3.65 V, recovery 3.40 V; the alarm at 3.55, recovery 3.45
        assertEquals(List.of(), protections.judge(readings(3.549, 3.449, 0, 0, 0), 1, 1));
        assertEquals(List.of(new Protections.Change(PackFlag.CELL_OV, false)),
                protections.judge(readings(3.649, 3.549, 0, 0, 0), 1, 2));
        assertTrue(protections.cfetOn(true), "an alarm opens nothing");
        assertEquals(List.of(new Protections.Change(PackFlag.CELL_OVP, false)),
                protections.judge(readings(3.65, 3.55, 0, 0, 0), 1, 3));
        assertFalse(protections.cfetOn(true), "an over-voltage opens the CFET");
        assertTrue(protections.dfetOn(true));
        assertEquals(List.of(new Protections.Change(PackFlag.CELL_OV, true)),
                protections.judge(readings(3.44, 3.34, 0, 0, 0), 1, 4), "the alarm recovers first");
        assertTrue(protections.active().contains(PackFlag.CELL_OVP), "3.44 V is above the 3.40 V recovery");
        assertEquals(List.of(new Protections.Change(PackFlag.CELL_OVP, true)),
                protections.judge(readings(3.39, 3.29, 0, 0, 0), 1, 5));
        assertTrue(protections.cfetOn(true));
    }

    @Test
    void flagsRaisedTogetherComeInFlagOrderBeforeThoseCleared() {
        protections.judge(readings(3.0, 2.8, 0, 0, 0), 1, 1);
        assertEquals(List.of(new Protections.Change(PackFlag.CELL_OV, false),
                new Protections.Change(PackFlag.CELL_OVP, false), new Protections.Change(PackFlag.CELL_UV, true)),
                protections.judge(readings(3.7, 3.6, 0, 0, 0), 1, 2));
    }

    @Test
    void aDisabledFlagStaysQuietAndDropsWhenDisabledWhileActive() {
        protections.judge(readings(3.3, 2.6, 0, 0, 0), 1, 1);
        assertTrue(protections.active().contains(PackFlag.CELL_UVP));
        assertNotNull(page.write(Map.of("protectCellUvp", 0.0)));
        protections.judge(readings(3.3, 2.6, 0, 0, 0), 1, 2);
        assertFalse(protections.active().contains(PackFlag.CELL_UVP));
        assertTrue(protections.active().contains(PackFlag.CELL_UV), "the alarm has its own switch");
        assertTrue(protections.dfetOn(true));
    }

    @Test
    void overCurrentTripsAfterItsDelayAndReleasesAfterTheReleaseDelay() {
        // factory page of 100 Ah: discharge over-current 1 at 120 A after 5 s, released 60 s after the trip
        double now = 0;
        for (int i = 0; i < 4; i++) {
            protections.judge(readings(3.2, 3.2, -130, -130, -130), 1, ++now);
        }
        assertFalse(protections.active().contains(PackFlag.DSG_OCP_1), "4 s of 5");
        protections.judge(readings(3.2, 3.2, -130, -130, -130), 1, ++now);
        assertTrue(protections.active().contains(PackFlag.DSG_OCP_1));
        assertFalse(protections.dfetOn(true));
        double trippedAt = now;
        while (now < trippedAt + 59) {
            protections.judge(calm(), 1, ++now);
        }
        assertTrue(protections.active().contains(PackFlag.DSG_OCP_1), "held while the current is gone");
        protections.judge(calm(), 1, ++now);
        assertFalse(protections.active().contains(PackFlag.DSG_OCP_1));
        assertTrue(protections.dfetOn(true));
    }

    @Test
    void aShortCircuitTripsAtOnce() {
        // (SCP voltage 3 + 1) × 25 / 75 × a 300 A shunt: 400 A
        protections.judge(readings(3.0, 3.0, -399, -399, -399), 0.1, 0.1);
        assertFalse(protections.active().contains(PackFlag.SCP));
        protections.judge(readings(3.0, 3.0, -401, -401, -401), 0.1, 0.2);
        assertTrue(protections.active().contains(PackFlag.SCP));
    }

    @Test
    void fetCommandsFollowTheManualsInterlocks() {
        assertEquals(BoardResult.REFUSED_CFET_WHILE_DISCHARGING, protections.control(ControlAction.CFET_OFF, -10));
        assertEquals(BoardResult.REFUSED_DFET_WHILE_CHARGING, protections.control(ControlAction.DFET_OFF, 10));
        assertEquals(BoardResult.DONE, protections.control(ControlAction.CFET_OFF, 10));
        assertFalse(protections.cfetOn(true));
        protections.judge(readings(3.7, 3.3, 0, 0, 0), 1, 1);
        assertEquals(BoardResult.REFUSED_PROTECTION, protections.control(ControlAction.CFET_ON, 0));
        protections.judge(calm(), 1, 2);
        assertEquals(BoardResult.DONE, protections.control(ControlAction.CFET_ON, 0));
        assertTrue(protections.cfetOn(true));
        assertEquals(BoardResult.DONE, protections.control(ControlAction.DFET_OFF, 0));
        protections.releaseHolds();
        assertTrue(protections.dfetOn(true), "a restart forgets the host's hold");
        assertNotNull(page.write(Map.of("enableCfet", 0.0)));
        assertEquals(BoardResult.REFUSED_DISABLED, protections.control(ControlAction.CFET_ON, 0));
    }

    @Test
    void theHostsLimiterWinsOverTheBoardsRule() {
        protections.judge(readings(3.3, 3.3, 80, 80, 80), 1, 1);
        assertTrue(protections.limiterOn(), "80 A is above the 60 A start current");
        protections.judge(calm(), 1, 2);
        assertFalse(protections.limiterOn(), "off once nothing charges");
        assertEquals(BoardResult.DONE, protections.control(ControlAction.CHARGE_LIMIT_ON, 0));
        protections.judge(calm(), 1, 3);
        assertTrue(protections.limiterOn());
        assertEquals(BoardResult.DONE, protections.control(ControlAction.CHARGE_LIMIT_OFF, 0));
        assertFalse(protections.limiterOn());
    }

    @Test
    void theHeaterRunsOnlyFromACharger() {
        Protections.Readings coldCharging = new Protections.Readings(3.3, 3.3, 52.8, -2, -2, 25, 25, 50, 0, 0, 10);
        Protections.Readings coldResting = new Protections.Readings(3.3, 3.3, 52.8, -2, -2, 25, 25, 50, 0, 0, 0);
        protections.judge(coldResting, 1, 1);
        assertFalse(protections.heating());
        protections.judge(coldCharging, 1, 2);
        assertTrue(protections.heating());
        protections.sleep();
        assertFalse(protections.heating());
    }
}
