package org.bmsworkbench.protocol.setup;

/**
 * What a board's calibration registers read.
 *
 * @param volts   the measured pack voltage, calibration applied
 * @param amps    the measured current, zero offset applied
 * @param sensor  the sensor selected for temperature calibration (1..33, 34 environment, 35 MOSFET; 0 none)
 * @param celsius that sensor's measured temperature, NaN when unreadable
 * @param status  bit 0 voltage calibrated, bit 1 current zero, bit 2 current gain (factory), bit 3 a sensor offset
 */
public record CalibrationReading(double volts, double amps, int sensor, double celsius, int status) {

    public static final int SENSOR_ENVIRONMENT = 34;
    public static final int SENSOR_MOSFET = 35;
    public static final int MAX_CELL_SENSORS = 33;

    public boolean voltageCalibrated() {
        return (status & 1) != 0;
    }

    public boolean currentZeroCalibrated() {
        return (status & 2) != 0;
    }

    public boolean temperatureOffsetSet() {
        return (status & 8) != 0;
    }
}
