package org.bmsworkbench.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterRelation;

/**
 * A board's parameter page: the factory set for a chemistry and cell count, the names other protocols give
 * the same settings, and the relations the board checks before it stores a write (docs/protocols/
 * modbus-native.md, section 8.4). Keys and units are those of the native map (V, A, Ah, °C, s, min, %).
 */
final class BoardParameters {

    /**
     * The rules the board checks before it stores a page: the same rules as the native map's {@code relation}
     * lines (a test compares the two), kept here because the board serves every protocol, not only that map.
     */
    static final List<ParameterRelation> RELATIONS = List.of(
            ParameterRelation.below("cellHighVoltageAlarmRecovery", "cellHighVoltageAlarm"),
            ParameterRelation.below("cellOverVoltageProtectionRecovery", "cellOverVoltageProtection"),
            ParameterRelation.below("voltageDifferenceAlarmRecovery", "voltageDifferenceAlarm"),
            ParameterRelation.below("packHighVoltageAlarmRecovery", "packHighVoltageAlarm"),
            ParameterRelation.below("packOverVoltageProtectionRecovery", "packOverVoltageProtection"),
            ParameterRelation.below("chargeCurrentAlarmRecovery", "chargeCurrentAlarm"),
            ParameterRelation.below("dischargeCurrentAlarmRecovery", "dischargeCurrentAlarm"),
            ParameterRelation.below("cellHighTemperatureAlarmRecovery", "cellHighTemperatureAlarm"),
            ParameterRelation.below("chargeHighTemperatureAlarmRecovery", "chargeHighTemperatureAlarm"),
            ParameterRelation.below("chargeHighTemperatureProtectionRecovery", "chargeHighTemperatureProtection"),
            ParameterRelation.below("dischargeHighTemperatureAlarmRecovery", "dischargeHighTemperatureAlarm"),
            ParameterRelation.below("dischargeHighTemperatureProtectionRecovery", "dischargeHighTemperatureProtection"),
            ParameterRelation.below("environmentHighTemperatureAlarmRecovery", "environmentHighTemperatureAlarm"),
            ParameterRelation.below("environmentHighTemperatureProtectionRecovery", "environmentHighTemperatureProtection"),
            ParameterRelation.below("mosfetHighTemperatureAlarmRecovery", "mosfetHighTemperatureAlarm"),
            ParameterRelation.below("mosfetHighTemperatureProtectionRecovery", "mosfetHighTemperatureProtection"),
            ParameterRelation.below("cellLowVoltageAlarm", "cellLowVoltageAlarmRecovery"),
            ParameterRelation.below("cellUnderVoltageProtection", "cellUnderVoltageProtectionRecovery"),
            ParameterRelation.below("packLowVoltageAlarm", "packLowVoltageAlarmRecovery"),
            ParameterRelation.below("packUnderVoltageProtection", "packUnderVoltageProtectionRecovery"),
            ParameterRelation.below("cellLowTemperatureAlarm", "cellLowTemperatureAlarmRecovery"),
            ParameterRelation.below("chargeLowTemperatureAlarm", "chargeLowTemperatureAlarmRecovery"),
            ParameterRelation.below("chargeLowTemperatureProtection", "chargeLowTemperatureProtectionRecovery"),
            ParameterRelation.below("dischargeLowTemperatureAlarm", "dischargeLowTemperatureAlarmRecovery"),
            ParameterRelation.below("dischargeLowTemperatureProtection", "dischargeLowTemperatureProtectionRecovery"),
            ParameterRelation.below("environmentLowTemperatureAlarm", "environmentLowTemperatureAlarmRecovery"),
            ParameterRelation.below("environmentLowTemperatureProtection", "environmentLowTemperatureProtectionRecovery"),
            ParameterRelation.below("mosfetLowTemperatureAlarm", "mosfetLowTemperatureAlarmRecovery"),
            ParameterRelation.below("mosfetLowTemperatureProtection", "mosfetLowTemperatureProtectionRecovery"),
            // an alarm comes before its protection (equal is allowed)
            new ParameterRelation("cellHighVoltageAlarm", "cellOverVoltageProtection", false),
            new ParameterRelation("packHighVoltageAlarm", "packOverVoltageProtection", false),
            new ParameterRelation("cellUnderVoltageProtection", "cellLowVoltageAlarm", false),
            new ParameterRelation("packUnderVoltageProtection", "packLowVoltageAlarm", false),
            new ParameterRelation("chargeHighTemperatureAlarm", "chargeHighTemperatureProtection", false),
            new ParameterRelation("dischargeHighTemperatureAlarm", "dischargeHighTemperatureProtection", false),
            new ParameterRelation("environmentHighTemperatureAlarm", "environmentHighTemperatureProtection", false),
            new ParameterRelation("mosfetHighTemperatureAlarm", "mosfetHighTemperatureProtection", false),
            new ParameterRelation("chargeLowTemperatureProtection", "chargeLowTemperatureAlarm", false),
            new ParameterRelation("dischargeLowTemperatureProtection", "dischargeLowTemperatureAlarm", false),
            new ParameterRelation("environmentLowTemperatureProtection", "environmentLowTemperatureAlarm", false),
            new ParameterRelation("mosfetLowTemperatureProtection", "mosfetLowTemperatureAlarm", false),
            new ParameterRelation("socLowProtection", "socLowAlarm", false),
            ParameterRelation.below("dischargeOverCurrent1Protection", "dischargeOverCurrent2Protection"),
            ParameterRelation.below("heatingStartTemperature", "heatingStopTemperature"),
            ParameterRelation.below("radiatingStopTemperature", "radiatingStartTemperature"));

    /** Another protocol's name for a setting: value = sign × native value. */
    record Alias(String nativeKey, double sign) {
    }

    /** Pylontech 47H/49H rows (variants/pylontech.properties) and what they are on this board. */
    static final Map<String, Alias> ALIASES = Map.ofEntries(
            Map.entry("cellHighVoltageLimit", new Alias("cellHighVoltageAlarm", 1)),
            Map.entry("cellLowVoltageLimit", new Alias("cellLowVoltageAlarm", 1)),
            Map.entry("cellUnderVoltageLimit", new Alias("cellUnderVoltageProtection", 1)),
            Map.entry("chargeHighTemperatureLimit", new Alias("chargeHighTemperatureProtection", 1)),
            Map.entry("chargeLowTemperatureLimit", new Alias("chargeLowTemperatureProtection", 1)),
            Map.entry("chargeCurrentLimit", new Alias("maxChargeCurrent", 1)),
            Map.entry("moduleHighVoltageLimit", new Alias("packHighVoltageAlarm", 1)),
            Map.entry("moduleLowVoltageLimit", new Alias("packLowVoltageAlarm", 1)),
            Map.entry("moduleUnderVoltageLimit", new Alias("packUnderVoltageProtection", 1)),
            Map.entry("dischargeHighTemperatureLimit", new Alias("dischargeHighTemperatureProtection", 1)),
            Map.entry("dischargeLowTemperatureLimit", new Alias("dischargeLowTemperatureProtection", 1)),
            // Pylontech gives the discharge limit as a negative current
            Map.entry("dischargeCurrentLimit", new Alias("maxDischargeCurrent", -1)));

    private BoardParameters() {
    }

    /** The factory parameter page of a pack. */
    static Map<String, Double> defaults(PackSpec spec) {
        Map<String, Double> p = new LinkedHashMap<>();
        boolean lfp = spec.chemistry() == Chemistry.LFP;
        int n = spec.cells();
        double c = spec.capacityAh();
        p.put("storageInterval", 0.0); // the manual's factory value: no data records
        p.put("cellsInSeries", (double) n);
        p.put("tempSensorCount", (double) spec.sensors());
        p.put("shuntRating", (double) Math.max(10, Math.min(2000, Math.round(c * 3))));
        p.put("designCapacity", c);
        p.put("standbyCurrentThreshold", 0.5);
        p.put("balanceStartVoltage", lfp ? 3.40 : 3.95);
        p.put("balanceStartDifference", 0.030);
        cell(p, "cellHighVoltageAlarm", lfp ? 3.55 : 4.15, lfp ? 3.45 : 4.05);
        cell(p, "cellLowVoltageAlarm", lfp ? 2.90 : 3.20, lfp ? 3.10 : 3.40);
        cell(p, "cellOverVoltageProtection", lfp ? 3.65 : 4.25, lfp ? 3.40 : 4.10);
        cell(p, "cellUnderVoltageProtection", lfp ? 2.70 : 2.90, lfp ? 2.95 : 3.20);
        cell(p, "voltageDifferenceAlarm", 0.300, 0.200);
        p.put("dormancyDelay", 60.0);
        pack(p, "packHighVoltageAlarm", "cellHighVoltageAlarm", n, true);
        pack(p, "packOverVoltageProtection", "cellOverVoltageProtection", n, true);
        pack(p, "packLowVoltageAlarm", "cellLowVoltageAlarm", n, false);
        pack(p, "packUnderVoltageProtection", "cellUnderVoltageProtection", n, false);
        p.put("chargerOverVoltageProtection", packVolts(n * (lfp ? 3.75 : 4.35), true));
        double maxCurrent = Math.min(2000, Math.max(1, c));
        current(p, "chargeCurrentAlarm", maxCurrent * 0.8, maxCurrent * 0.7);
        current(p, "dischargeCurrentAlarm", maxCurrent * 1.0, maxCurrent * 0.9);
        p.put("chargeOverCurrentProtection", round3(Math.min(2000, maxCurrent * 1.0)));
        p.put("dischargeOverCurrent1Protection", round3(Math.min(2000, maxCurrent * 1.2)));
        p.put("dischargeOverCurrent2Protection", round3(Math.min(2000, maxCurrent * 1.6)));
        p.put("chargeLimitStartCurrent", round3(Math.max(1, maxCurrent * 0.6)));
        p.put("chargeVoltageLimit", packVolts(n * (lfp ? 3.50 : 4.10), false));
        p.put("maxChargeCurrent", round3(maxCurrent * 0.5));
        p.put("maxDischargeCurrent", round3(maxCurrent * 1.0));
        p.put("chargeOverCurrentProtectionDelay", 2.0);
        p.put("dischargeOverCurrent1ProtectionDelay", 5.0);
        p.put("dischargeOverCurrent2ProtectionDelay", 0.5);
        p.put("overCurrentReleaseDelay", 60.0);
        p.put("socLowAlarm", 10.0);
        p.put("socLowProtection", 3.0);
        p.put("chargeLimitCellVoltage", lfp ? 3.50 : 4.10);
        p.put("fullChargeCellVoltage", spec.chemistry().fullChargeVoltage());
        temp(p, "cellHighTemperatureAlarm", 55, 50);
        temp(p, "cellLowTemperatureAlarm", -10, -5);
        temp(p, "chargeHighTemperatureAlarm", 50, 45);
        temp(p, "chargeHighTemperatureProtection", 55, 50);
        temp(p, "chargeLowTemperatureAlarm", 2, 5);
        temp(p, "chargeLowTemperatureProtection", 0, 3);
        temp(p, "dischargeHighTemperatureAlarm", 55, 50);
        temp(p, "dischargeHighTemperatureProtection", 60, 55);
        temp(p, "dischargeLowTemperatureAlarm", -15, -10);
        temp(p, "dischargeLowTemperatureProtection", -20, -15);
        temp(p, "environmentHighTemperatureAlarm", 60, 55);
        temp(p, "environmentHighTemperatureProtection", 65, 60);
        temp(p, "environmentLowTemperatureAlarm", -20, -15);
        temp(p, "environmentLowTemperatureProtection", -25, -20);
        temp(p, "mosfetHighTemperatureAlarm", 90, 80);
        temp(p, "mosfetHighTemperatureProtection", 110, 90);
        temp(p, "mosfetLowTemperatureAlarm", -25, -20);
        temp(p, "mosfetLowTemperatureProtection", -30, -25);
        p.put("heatingStartTemperature", 0.0);
        p.put("heatingStopTemperature", 5.0);
        p.put("radiatingStartTemperature", 45.0);
        p.put("radiatingStopTemperature", 40.0);
        for (String k : List.of("enableCfet", "enableDfet", "enableHeating", "enableRadiating", "enableLed",
                "enableBuzzer", "enableChargeLimit")) {
            p.put(k, 1.0);
        }
        p.put("enableDormancy", 0.0);
        for (String k : List.of("alarmPackUv", "alarmPackOv", "alarmCellUv", "alarmCellOv", "alarmCellDiff",
                "alarmChgUt", "alarmChgOt", "alarmDsgUt", "alarmDsgOt", "alarmCellUt", "alarmCellOt", "alarmEnvUt",
                "alarmEnvOt", "alarmMosUt", "alarmMosOt", "alarmSocLow", "alarmChgOc", "alarmDsgOc", "protectPackUvp",
                "protectPackOvp", "protectCellUvp", "protectCellOvp", "protectChgUtp", "protectChgOtp",
                "protectDsgUtp", "protectDsgOtp", "protectEnvUtp", "protectEnvOtp", "protectMosUtp", "protectMosOtp",
                "protectChgOcp", "protectDsgOcp1", "protectDsgOcp2", "protectScp", "protectChargerOvp",
                "protectSocLowP", "protectInversedCharger")) {
            p.putIfAbsent(k, 1.0);
        }
        p.put("balanceMode", 3.0);
        p.put("scpVoltage", 3.0);
        p.put("scpDelay", 1.0);
        p.put("rs485Protocol", 0.0);
        p.put("canProtocol", 0.0);
        p.put("rs485Address", (double) spec.address());
        return p;
    }

    /**
     * A pack threshold as n times the cell one. The native rows start at 5 V, so a pack too small for them
     * keeps the lowest values that still honour the relations and has the low-voltage checks switched off.
     */
    private static void pack(Map<String, Double> p, String key, String cellKey, int n, boolean high) {
        double t = p.get(cellKey) * n;
        double r = p.get(cellKey + "Recovery") * n;
        if (Math.min(t, r) < 5) {
            t = high ? 5.010 : 5.0;
            r = high ? 5.0 : 5.010;
            if (!high) {
                p.put(key.startsWith("packLow") ? "alarmPackUv" : "protectPackUvp", 0.0);
            }
        }
        p.put(key, packVolts(t, false));
        p.put(key + "Recovery", packVolts(r, false));
    }

    private static void cell(Map<String, Double> p, String key, double threshold, double recovery) {
        p.put(key, threshold);
        p.put(key + "Recovery", recovery);
    }

    private static void current(Map<String, Double> p, String key, double threshold, double recovery) {
        p.put(key, round3(Math.max(1, threshold)));
        p.put(key + "Recovery", round3(Math.max(1, Math.min(threshold, recovery))));
    }

    private static void temp(Map<String, Double> p, String key, double threshold, double recovery) {
        p.put(key, threshold);
        p.put(key + "Recovery", recovery);
    }

    /** Pack voltages stay inside the native map's 5..1000 V rows even for a one-cell pack. */
    private static double packVolts(double volts, boolean roundUp) {
        double v = Math.max(5, Math.min(1000, volts));
        return roundUp ? Math.ceil(v * 1000) / 1000 : Math.round(v * 1000) / 1000.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Why {@code page} cannot be stored, or null. Ranges come from {@code definitions} (the native page)
     * where it defines the key; relations are always checked.
     */
    static String problem(Map<String, Double> page, Map<String, ParameterDefinition> definitions) {
        for (Map.Entry<String, Double> e : page.entrySet()) {
            ParameterDefinition d = definitions.get(e.getKey());
            if (d != null) {
                String p = d.problemWith(e.getValue());
                if (p != null) {
                    return p;
                }
            } else if (!Double.isFinite(e.getValue())) {
                return e.getKey() + " is not a number";
            }
        }
        for (ParameterRelation r : RELATIONS) {
            Double lower = page.get(r.lower());
            Double higher = page.get(r.higher());
            if (lower != null && higher != null && !r.holds(lower, higher)) {
                return r.lower() + " " + lower + (r.strict() ? " must be below " : " must not be above ")
                        + r.higher() + " " + higher;
            }
        }
        return null;
    }

    /** Translates other protocols' keys to native ones; returns null when a key is unknown. */
    static Map<String, Double> toNative(Map<String, Double> values, Map<String, Double> page) {
        Map<String, Double> result = new HashMap<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Alias a = ALIASES.get(e.getKey());
            if (a != null) {
                result.put(a.nativeKey(), e.getValue() * a.sign());
            } else if (page.containsKey(e.getKey())) {
                result.put(e.getKey(), e.getValue());
            } else {
                return null;
            }
        }
        return result;
    }
}
