package org.bmsworkbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.junit.jupiter.api.Test;

/** What a calibration accepts, what it stores and what a reset brings back. */
class CalibrationTest {

    private final Calibration calibration = new Calibration(4, 0.25);

    @Test
    void theVoltageGainMovesOnlyWithinItsWindow() {
        assertEquals(BoardResult.OUT_OF_WINDOW, calibration.calibrateVoltage(50, 53));
        assertEquals(BoardResult.OUT_OF_WINDOW, calibration.calibrateVoltage(0, 0));
        assertEquals(BoardResult.DONE, calibration.calibrateVoltage(50, 51));
        assertEquals(1.02, calibration.voltageGain(), 1e-12);
        assertEquals(BoardResult.DONE, calibration.reset(1, 0));
        assertEquals(1, calibration.voltageGain());
    }

    @Test
    void temperatureOffsetsAddUpPerSensorAndShowInTheStatus() {
        assertEquals(5, calibration.status(), "the factory calibrated voltage and current gain");
        assertEquals(BoardResult.DONE, calibration.calibrateTemperature(2, 24, 25.5));
        assertEquals(BoardResult.DONE, calibration.calibrateTemperature(2, 25.5, 26));
        assertEquals(2.0, calibration.sensorOffset(1), 1e-12);
        assertEquals(BoardResult.DONE, calibration.calibrateTemperature(Board.SENSOR_MOSFET, 30, 29));
        assertEquals(-1, calibration.mosfetOffset(), 1e-12);
        assertEquals(13, calibration.status());
        assertEquals(BoardResult.OUT_OF_WINDOW, calibration.calibrateTemperature(1, 20, 31));
        assertEquals(BoardResult.REFUSED_PROTECTION, calibration.calibrateTemperature(9, Double.NaN, 20));
        assertEquals(BoardResult.INVALID_VALUE, calibration.reset(3, 9));
        assertEquals(BoardResult.DONE, calibration.reset(3, 2));
        assertEquals(0, calibration.sensorOffset(1));
        assertEquals(BoardResult.DONE, calibration.reset(4, 0));
        assertEquals(5, calibration.status());
        assertEquals(BoardResult.INVALID_VALUE, calibration.reset(5, 0));
    }

    @Test
    void aResetBringsTheFactoryCurrentZeroBack() {
        calibration.zeroCurrent(0.31);
        assertEquals(0.31, calibration.currentZero());
        assertEquals(2, calibration.status() & 2);
        assertEquals(BoardResult.DONE, calibration.reset(2, 0));
        assertEquals(0.25, calibration.currentZero());
        assertEquals(0, calibration.status() & 2);
    }
}
