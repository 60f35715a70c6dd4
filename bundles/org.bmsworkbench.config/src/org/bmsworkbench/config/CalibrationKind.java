package org.bmsworkbench.config;

/** The calibrations of the wizard, and the resets back to the factory state. */
public enum CalibrationKind {
    /** The pack voltage to a meter's reading. */
    VOLTAGE,
    /** The current reading with nothing flowing becomes zero. */
    CURRENT_ZERO,
    /** One temperature sensor to a thermometer's reading. */
    TEMPERATURE,
    /** Each listed sensor to one reference thermometer (sensors in one place, e.g. a climate chamber). */
    ALL_TEMPERATURES
}
