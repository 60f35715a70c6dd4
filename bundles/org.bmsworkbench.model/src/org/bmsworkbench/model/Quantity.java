package org.bmsworkbench.model;

/**
 * The scalar values of a pack snapshot. Units are fixed and SI-style: volts, amperes, ampere-hours,
 * degrees Celsius, percent, kilo-ohms; counts are plain numbers. Current is positive while charging and
 * negative while discharging.
 */
public enum Quantity {
    VOLTAGE("voltage", "V"),
    CURRENT("current", "A"),
    SOC("soc", "%"),
    SOH("soh", "%"),
    REMAINING_CAPACITY("remainingCapacity", "Ah"),
    FULL_CAPACITY("fullCapacity", "Ah"),
    DESIGN_CAPACITY("designCapacity", "Ah"),
    CYCLES("cycles", ""),
    PORT_VOLTAGE("portVoltage", "V"),
    INSULATION_POSITIVE("insulationPositive", "k\u03a9"),
    INSULATION_NEGATIVE("insulationNegative", "k\u03a9"),
    AVERAGE_CELL_VOLTAGE("averageCellVoltage", "V"),
    MAX_CELL_VOLTAGE("maxCellVoltage", "V"),
    MIN_CELL_VOLTAGE("minCellVoltage", "V"),
    AVERAGE_CELL_TEMPERATURE("averageCellTemperature", "\u00b0C"),
    MAX_CELL_TEMPERATURE("maxCellTemperature", "\u00b0C"),
    MIN_CELL_TEMPERATURE("minCellTemperature", "\u00b0C"),
    ENVIRONMENT_TEMPERATURE("environmentTemperature", "\u00b0C"),
    MOSFET_TEMPERATURE("mosfetTemperature", "\u00b0C"),
    CHARGE_CURRENT_LIMIT("chargeCurrentLimit", "A"),
    DISCHARGE_CURRENT_LIMIT("dischargeCurrentLimit", "A"),
    DISCHARGED_CAPACITY_TOTAL("dischargedCapacityTotal", "Ah"),
    DISCHARGED_ENERGY_TOTAL("dischargedEnergyTotal", "kWh");

    private final String key;
    private final String unit;

    Quantity(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The stable name used in JSON, files and maps. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** The quantity with the given {@link #key()}, or {@code null}. */
    public static Quantity byKey(String key) {
        for (Quantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }
}
