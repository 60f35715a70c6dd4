package org.bmsworkbench.sim;

import java.util.Arrays;

import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;

/**
 * The corrections a board applies to its sensors: a voltage gain, a current zero and a temperature offset per
 * sensor. It judges a calibration only from the reading it is given, as a board cannot know the truth.
 */
final class Calibration {

    private final double factoryZero;
    private double voltageGain = 1;
    private double currentZero;
    private boolean currentZeroCalibrated;
    private final double[] sensorOffset;
    private double environmentOffset;
    private double mosfetOffset;

    /** @param factoryZero the current zero the factory stored, which a reset brings back */
    Calibration(int sensors, double factoryZero) {
        this.factoryZero = factoryZero;
        this.currentZero = factoryZero;
        this.sensorOffset = new double[sensors];
    }

    double voltageGain() {
        return voltageGain;
    }

    double currentZero() {
        return currentZero;
    }

    /** The offset of sensor {@code index} (0-based cell sensor). */
    double sensorOffset(int index) {
        return sensorOffset[index];
    }

    double environmentOffset() {
        return environmentOffset;
    }

    double mosfetOffset() {
        return mosfetOffset;
    }

    BoardResult calibrateVoltage(double measured, double trueVolts) {
        if (!(Math.abs(trueVolts - measured) <= 0.05 * measured) || measured <= 0) {
            return BoardResult.OUT_OF_WINDOW;
        }
        voltageGain *= trueVolts / measured;
        return BoardResult.DONE;
    }

    /** The board cannot tell a real current from an offset: the sensor's reading now becomes zero. */
    void zeroCurrent(double rawReading) {
        currentZero = rawReading;
        currentZeroCalibrated = true;
    }

    /**
     * @param sensor   1..n, {@link Board#SENSOR_ENVIRONMENT} or {@link Board#SENSOR_MOSFET}
     * @param measured the sensor's calibrated reading now, NaN for a sensor the board does not have
     */
    BoardResult calibrateTemperature(int sensor, double measured, double trueCelsius) {
        if (Double.isNaN(measured)) {
            return BoardResult.REFUSED_PROTECTION;
        }
        if (!(Math.abs(trueCelsius - measured) <= 10)) {
            return BoardResult.OUT_OF_WINDOW;
        }
        double shift = trueCelsius - measured;
        if (sensor == Board.SENSOR_ENVIRONMENT) {
            environmentOffset += shift;
        } else if (sensor == Board.SENSOR_MOSFET) {
            mosfetOffset += shift;
        } else {
            sensorOffset[sensor - 1] += shift;
        }
        return BoardResult.DONE;
    }

    /** {@code what}: 1 voltage, 2 current zero, 3 one temperature {@code sensor}, 4 every temperature. */
    BoardResult reset(int what, int sensor) {
        switch (what) {
            case 1 -> voltageGain = 1;
            case 2 -> {
                currentZero = factoryZero;
                currentZeroCalibrated = false;
            }
            case 3 -> {
                if (sensor == Board.SENSOR_ENVIRONMENT) {
                    environmentOffset = 0;
                } else if (sensor == Board.SENSOR_MOSFET) {
                    mosfetOffset = 0;
                } else if (sensor >= 1 && sensor <= sensorOffset.length) {
                    sensorOffset[sensor - 1] = 0;
                } else {
                    return BoardResult.INVALID_VALUE;
                }
            }
            case 4 -> {
                Arrays.fill(sensorOffset, 0);
                environmentOffset = 0;
                mosfetOffset = 0;
            }
            default -> {
                return BoardResult.INVALID_VALUE;
            }
        }
        return BoardResult.DONE;
    }

    /** Bits: 0 voltage, 1 current zero, 2 current gain, 3 temperature offsets. */
    int status() {
        boolean offset = environmentOffset != 0 || mosfetOffset != 0;
        for (double c : sensorOffset) {
            offset |= c != 0;
        }
        // the factory calibrated voltage and current gain; bit 0 and 2 stay set
        return 1 | (currentZeroCalibrated ? 2 : 0) | 4 | (offset ? 8 : 0);
    }
}
