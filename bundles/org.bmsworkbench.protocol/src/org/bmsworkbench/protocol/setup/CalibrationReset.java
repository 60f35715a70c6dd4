package org.bmsworkbench.protocol.setup;

/** What a calibration reset brings back to the factory state. */
public enum CalibrationReset {
    /** The pack-voltage gain. */
    VOLTAGE,
    /** The current zero offset. */
    CURRENT_ZERO,
    /** The offset of one temperature sensor. */
    SENSOR,
    /** Every temperature offset. */
    ALL_SENSORS
}
