package org.bmsworkbench.config;

import java.util.List;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.setup.CalibrationReset;

/**
 * The writes of the System Configuration page, the calibration wizard and forced hibernation; each goes to the
 * {@link org.bmsworkbench.control.WriteService} like every other write. The firmware upgrade is
 * {@link org.bmsworkbench.config.firmware.FirmwareWrite}.
 */
public final class SetupWrites {

    private SetupWrites() {
    }

    /** Any of full capacity (Ah), residual capacity (Ah) and cycle count; {@code null} leaves it. */
    public static CapacityWrite capacity(String busId, int address, Double fullAh, Double residualAh, Integer cycles) {
        return new CapacityWrite(busId, address, fullAh, residualAh, cycles);
    }

    /**
     * One product or production text.
     *
     * @throws IllegalArgumentException when the text is too long or not printable ASCII (the message says which)
     */
    public static TextWrite text(String busId, int address, String name, String value, String before) {
        return new TextWrite(busId, address, name, value, before);
    }

    public static CalibrationWrite calibrateVoltage(String busId, int address, double volts) {
        return new CalibrationWrite(busId, address, CalibrationKind.VOLTAGE, volts, List.of());
    }

    public static CalibrationWrite calibrateCurrentZero(String busId, int address) {
        return new CalibrationWrite(busId, address, CalibrationKind.CURRENT_ZERO, 0, List.of());
    }

    public static CalibrationWrite calibrateTemperature(String busId, int address, int sensor, double celsius) {
        return new CalibrationWrite(busId, address, CalibrationKind.TEMPERATURE, celsius, List.of(sensor));
    }

    /** Several sensors to one reference (all in one place, at one temperature). */
    public static CalibrationWrite calibrateTemperatures(String busId, int address, List<Integer> sensors,
            double celsius) {
        return new CalibrationWrite(busId, address, CalibrationKind.ALL_TEMPERATURES, celsius, sensors);
    }

    public static ResetCalibrationWrite resetCalibration(String busId, int address, CalibrationReset what, int sensor) {
        return new ResetCalibrationWrite(busId, address, what, sensor);
    }

    public static HibernateWrite hibernate(String busId, int address) {
        return new HibernateWrite(busId, address);
    }

    /**
     * Erases the board's data ({@link Command#HISTORY}) or alarm ({@link Command#ALARM_RECORDS}) records.
     *
     * @param countBefore the records that will be lost, as counted for the confirmation; -1 when unknown
     */
    public static DeleteRecordsWrite deleteRecords(String busId, int address, Command kind, long countBefore) {
        return new DeleteRecordsWrite(busId, address, kind, countBefore);
    }
}
