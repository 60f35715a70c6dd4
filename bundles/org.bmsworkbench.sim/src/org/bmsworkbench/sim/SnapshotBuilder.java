package org.bmsworkbench.sim;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

/**
 * Builds what a board reports: its measurements rounded to the resolution of its registers, the cells and
 * sensors its page says it has (those no sense wire reaches read as missing), its limits, and every flag.
 */
final class SnapshotBuilder {

    private final ParameterPage page;
    private final PackPhysics physics;
    private final FuelGauge gauge;
    private final Protections protections;

    SnapshotBuilder(ParameterPage page, PackPhysics physics, FuelGauge gauge, Protections protections) {
        this.page = page;
        this.physics = physics;
        this.gauge = gauge;
        this.protections = protections;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * @param cfet      whether the CFET conducts now
     * @param dfet      whether the DFET conducts now
     * @param requested what the charger (+) or load (-) asks, A
     */
    PackSnapshot build(boolean cfet, boolean dfet, double requested) {
        int reportedCells = (int) Math.round(page.get("cellsInSeries"));
        int reportedSensors = (int) Math.round(page.get("tempSensorCount"));
        PackSnapshot.Builder b = PackSnapshot.builder(page.address()).cellCount(reportedCells)
                .temperatureCount(reportedSensors);
        double sum = 0;
        double max = -1;
        double min = Double.MAX_VALUE;
        int counted = 0;
        for (int i = 0; i < reportedCells; i++) {
            if (i < physics.cells()) {
                double v = Math.round(physics.measuredCell(i) * 1000) / 1000.0;
                b.cellVoltage(i, v);
                b.balancing(i, physics.balancing(i));
                sum += v;
                max = Math.max(max, v);
                min = Math.min(min, v);
                counted++;
            } else {
                b.cellVoltage(i, Double.NaN); // a node the page names but no sense wire reaches
            }
        }
        double tSum = 0;
        double tMax = Double.NaN;
        double tMin = Double.NaN;
        int tCount = 0;
        for (int j = 0; j < reportedSensors; j++) {
            if (j < physics.sensors()) {
                double t = Math.round(physics.measuredSensor(j) * 10) / 10.0;
                b.temperature(j, t);
                tSum += t;
                tMax = Double.isNaN(tMax) ? t : Math.max(tMax, t);
                tMin = Double.isNaN(tMin) ? t : Math.min(tMin, t);
                tCount++;
            } else {
                b.temperature(j, Double.NaN);
            }
        }
        double voltage = physics.measuredVoltage();
        double measuredCurrent = physics.measuredCurrent();
        double remaining = gauge.remaining();
        double fullCapacity = gauge.fullCapacity();
        b.set(Quantity.VOLTAGE, round3(voltage))
                .set(Quantity.CURRENT, Math.round(measuredCurrent * 100) / 100.0)
                .set(Quantity.SOC, fullCapacity > 0 ? Math.round(1000 * remaining / fullCapacity) / 10.0 : 0)
                .set(Quantity.SOH, Math.min(100, Math.round(1000 * fullCapacity / page.get("designCapacity")) / 10.0))
                .set(Quantity.REMAINING_CAPACITY, round3(remaining))
                .set(Quantity.FULL_CAPACITY, round3(fullCapacity))
                .set(Quantity.DESIGN_CAPACITY, page.get("designCapacity"))
                .set(Quantity.CYCLES, gauge.cycles())
                // with both FETs open only a charger's voltage reaches the port
                .set(Quantity.PORT_VOLTAGE, round3(cfet || dfet ? voltage : requested > 0 ? voltage + 0.5 : 0))
                .set(Quantity.INSULATION_POSITIVE, 20_000)
                .set(Quantity.INSULATION_NEGATIVE, 19_500)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, Math.round(physics.measuredEnvironment() * 10) / 10.0)
                .set(Quantity.MOSFET_TEMPERATURE, Math.round(physics.measuredMosfet() * 10) / 10.0)
                .set(Quantity.DISCHARGED_CAPACITY_TOTAL, Math.round(gauge.dischargedTotalAh() * 10) / 10.0)
                .set(Quantity.DISCHARGED_ENERGY_TOTAL, Math.round(gauge.dischargedTotalKwh() * 100) / 100.0);
        if (counted > 0) {
            b.set(Quantity.AVERAGE_CELL_VOLTAGE, round3(sum / counted)).set(Quantity.MAX_CELL_VOLTAGE, max)
                    .set(Quantity.MIN_CELL_VOLTAGE, min);
        }
        if (tCount > 0) {
            b.set(Quantity.AVERAGE_CELL_TEMPERATURE, Math.round(tSum / tCount * 10) / 10.0)
                    .set(Quantity.MAX_CELL_TEMPERATURE, tMax).set(Quantity.MIN_CELL_TEMPERATURE, tMin);
        }
        limits(b, cfet, dfet, tCount > 0 && (tMin < 10 || tMax > 45), max);
        flags(b, cfet, dfet, measuredCurrent, requested);
        return b.build();
    }

    /**
     * The currents the board lets a charger and a load draw: none through an open FET, halved below 10 °C or
     * above 45 °C, cut near the top of charge and at a low SOC.
     */
    private void limits(PackSnapshot.Builder b, boolean cfet, boolean dfet, boolean derated, double maxCell) {
        double derate = derated ? 0.5 : 1;
        double chargeLimit = !cfet ? 0 : page.get("maxChargeCurrent") * derate
                * (maxCell >= page.get("chargeLimitCellVoltage") ? 0.2 : 1);
        double dischargeLimit = !dfet ? 0 : page.get("maxDischargeCurrent") * derate
                * (gauge.soc() < page.get("socLowAlarm") ? 0.3 : 1);
        b.set(Quantity.CHARGE_CURRENT_LIMIT, round3(chargeLimit)).set(Quantity.DISCHARGE_CURRENT_LIMIT,
                round3(dischargeLimit));
    }

    private void flags(PackSnapshot.Builder b, boolean cfet, boolean dfet, double measuredCurrent, double requested) {
        for (FlagCategory c : FlagCategory.values()) {
            b.reported(c);
        }
        double standby = page.get("standbyCurrentThreshold");
        boolean fullCharge = gauge.fullCharge();
        b.flag(PackFlag.CFET_ON, cfet).flag(PackFlag.DFET_ON, dfet)
                .flag(PackFlag.CHARGING, measuredCurrent > standby)
                .flag(PackFlag.DISCHARGING, measuredCurrent < -standby)
                .flag(PackFlag.STANDBY, Math.abs(measuredCurrent) <= standby)
                .flag(PackFlag.FULL_CHARGE, fullCharge)
                .flag(PackFlag.FLOAT_CHARGE, fullCharge && requested > 0)
                .flag(PackFlag.AC_IN, requested > 0)
                .flag(PackFlag.HEATING, protections.heating())
                .flag(PackFlag.HEAT_DISSIPATION, protections.radiating())
                .flag(PackFlag.CHARGE_CURRENT_LIMIT_ON, protections.limiterOn())
                .flag(PackFlag.BALANCING, physics.anyBalancing())
                .flag(PackFlag.BUZZER, page.enabled("enableBuzzer") && protections.active().stream()
                        .anyMatch(f -> f.category() == FlagCategory.PROTECTION));
        for (PackFlag f : protections.active()) {
            b.flag(f, true);
        }
        b.flag(PackFlag.CFET_ENABLED, page.enabled("enableCfet"))
                .flag(PackFlag.DFET_ENABLED, page.enabled("enableDfet"))
                .flag(PackFlag.HEATING_ENABLED, page.enabled("enableHeating"))
                .flag(PackFlag.RADIATING_ENABLED, page.enabled("enableRadiating"))
                .flag(PackFlag.LED_ENABLED, page.enabled("enableLed"))
                .flag(PackFlag.BUZZER_ENABLED, page.enabled("enableBuzzer"))
                .flag(PackFlag.DORMANCY_ENABLED, page.enabled("enableDormancy"))
                .flag(PackFlag.CHARGE_LIMIT_ENABLED, page.enabled("enableChargeLimit"));
    }
}
