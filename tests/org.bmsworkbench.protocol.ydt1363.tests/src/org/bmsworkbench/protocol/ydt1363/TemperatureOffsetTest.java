package org.bmsworkbench.protocol.ydt1363;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each variant's raw value of 0 degC against its source: golden-frames.md gives (raw - 2731) / 10 for Pylontech and
 * Seplos V2 (G1 and G4 decode to the pack's display with it, and not with 2731.5) and 2730 for PACE (PBmsTools
 * captures, {@link PaceCapturesTest}). The Seplos V3 Modbus map is in 0.1 K from 273.15 K and is checked in the
 * Modbus tests.
 */
class TemperatureOffsetTest {

    @Test
    void everyVariantUsesTheOffsetItsSourceGives() {
        Map<String, Integer> sources = Map.of("pylontech", 2731, "seplos-v2", 2731, "pace-v25", 2730);
        sources.forEach((id, offset) -> assertEquals(offset, YdtVariant.load(id).temperatureOffset, id));
    }
}
