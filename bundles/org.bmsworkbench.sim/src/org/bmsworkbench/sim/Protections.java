package org.bmsworkbench.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.BoardResult;

/**
 * The board's judgement: alarms and protections from the thresholds, recoveries (as hysteresis) and enable
 * switches of its own parameter page, the FETs they open, the host's holds on the FETs with the manual's
 * interlocks, the charge limiter, the heater and the fan. It sees the pack only through {@link Readings}, so a
 * step's judgement depends on nothing but the page and what was measured.
 */
final class Protections {

    private static final Set<PackFlag> BLOCKS_CHARGE = EnumSet.of(PackFlag.CELL_OVP, PackFlag.PACK_OVP,
            PackFlag.CHG_OTP, PackFlag.CHG_UTP, PackFlag.CHG_OCP, PackFlag.CHARGER_OVP, PackFlag.ENV_OTP,
            PackFlag.ENV_UTP, PackFlag.MOS_OTP, PackFlag.MOS_UTP, PackFlag.INVERSED_CHARGER, PackFlag.CFET_ERROR);
    private static final Set<PackFlag> BLOCKS_DISCHARGE = EnumSet.of(PackFlag.CELL_UVP, PackFlag.PACK_UVP,
            PackFlag.DSG_OTP, PackFlag.DSG_UTP, PackFlag.DSG_OCP_1, PackFlag.DSG_OCP_2, PackFlag.SCP,
            PackFlag.SOC_LOW_P, PackFlag.ENV_OTP, PackFlag.ENV_UTP, PackFlag.MOS_OTP, PackFlag.MOS_UTP,
            PackFlag.DFET_ERROR);

    /**
     * What one step's judgement sees: measured cells, pack voltage, temperatures (the cell sensors' extremes,
     * or the environment sensor on a pack without cell sensors), the board's SOC and current, and what really
     * flows and what the charger or load asks.
     */
    record Readings(double cellMax, double cellMin, double packVolts, double tMax, double tMin, double environment,
            double mosfet, double soc, double measuredCurrent, double current, double requested) {
    }

    /** A flag raised or cleared by a judgement. */
    record Change(PackFlag flag, boolean cleared) {
    }

    private final ParameterPage page;
    private final int wiredCells;
    private final int wiredSensors;
    private final double limiterCurrent;
    private final EnumSet<PackFlag> active = EnumSet.noneOf(PackFlag.class);
    private boolean holdCfet;
    private boolean holdDfet;
    private Boolean hostLimiter;
    private boolean limiterOn;
    private boolean heating;
    private boolean radiating;
    private double chargeOcTime;
    private double dischargeOc1Time;
    private double dischargeOc2Time;
    private double overCurrentReleaseAt = Double.NaN;
    private final EnumSet<PackFlag> latchedOverCurrent = EnumSet.noneOf(PackFlag.class);

    Protections(ParameterPage page, PackSpec spec) {
        this.page = page;
        this.wiredCells = spec.cells();
        this.wiredSensors = spec.sensors();
        this.limiterCurrent = limiterCurrent(spec);
    }

    /** The charge current limiting module passes about a tenth of the capacity. */
    static double limiterCurrent(PackSpec spec) {
        return Math.max(1, 0.1 * spec.capacityAh());
    }

    /** The flags active now, alarms, protections and detections (a live view). */
    Set<PackFlag> active() {
        return active;
    }

    boolean heating() {
        return heating;
    }

    boolean radiating() {
        return radiating;
    }

    boolean limiterOn() {
        return limiterOn;
    }

    boolean chargeBlocked() {
        return blocks(BLOCKS_CHARGE);
    }

    boolean dischargeBlocked() {
        return blocks(BLOCKS_DISCHARGE);
    }

    private boolean blocks(Set<PackFlag> blocking) {
        for (PackFlag f : active) {
            if (blocking.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** @param boardUp the board runs (not asleep, not restarting into new firmware) */
    boolean cfetOn(boolean boardUp) {
        return boardUp && page.enabled("enableCfet") && !holdCfet && !chargeBlocked();
    }

    boolean dfetOn(boolean boardUp) {
        return boardUp && page.enabled("enableDfet") && !holdDfet && !dischargeBlocked();
    }

    /** A restart forgets what the host held: FETs follow the protections and the limiter its own rule again. */
    void releaseHolds() {
        holdCfet = false;
        holdDfet = false;
        hostLimiter = null;
    }

    /** Heater and fan have no power while the board sleeps. */
    void sleep() {
        heating = false;
        radiating = false;
    }

    /**
     * Judges one step: alarms, protections, detections, limiter, heater and fan.
     *
     * @return the flags raised (in flag order), then those cleared
     */
    List<Change> judge(Readings r, double dt, double now) {
        EnumSet<PackFlag> before = EnumSet.copyOf(active);
        high(PackFlag.CELL_OV, "alarmCellOv", r.cellMax(), "cellHighVoltageAlarm");
        low(PackFlag.CELL_UV, "alarmCellUv", r.cellMin(), "cellLowVoltageAlarm");
        high(PackFlag.CELL_OVP, "protectCellOvp", r.cellMax(), "cellOverVoltageProtection");
        low(PackFlag.CELL_UVP, "protectCellUvp", r.cellMin(), "cellUnderVoltageProtection");
        high(PackFlag.PACK_OV, "alarmPackOv", r.packVolts(), "packHighVoltageAlarm");
        low(PackFlag.PACK_UV, "alarmPackUv", r.packVolts(), "packLowVoltageAlarm");
        high(PackFlag.PACK_OVP, "protectPackOvp", r.packVolts(), "packOverVoltageProtection");
        low(PackFlag.PACK_UVP, "protectPackUvp", r.packVolts(), "packUnderVoltageProtection");
        high(PackFlag.CELL_DIFF, "alarmCellDiff", r.cellMax() - r.cellMin(), "voltageDifferenceAlarm");
        high(PackFlag.CELL_OT, "alarmCellOt", r.tMax(), "cellHighTemperatureAlarm");
        low(PackFlag.CELL_UT, "alarmCellUt", r.tMin(), "cellLowTemperatureAlarm");
        high(PackFlag.CHG_OT, "alarmChgOt", r.tMax(), "chargeHighTemperatureAlarm");
        low(PackFlag.CHG_UT, "alarmChgUt", r.tMin(), "chargeLowTemperatureAlarm");
        high(PackFlag.CHG_OTP, "protectChgOtp", r.tMax(), "chargeHighTemperatureProtection");
        low(PackFlag.CHG_UTP, "protectChgUtp", r.tMin(), "chargeLowTemperatureProtection");
        high(PackFlag.DSG_OT, "alarmDsgOt", r.tMax(), "dischargeHighTemperatureAlarm");
        low(PackFlag.DSG_UT, "alarmDsgUt", r.tMin(), "dischargeLowTemperatureAlarm");
        high(PackFlag.DSG_OTP, "protectDsgOtp", r.tMax(), "dischargeHighTemperatureProtection");
        low(PackFlag.DSG_UTP, "protectDsgUtp", r.tMin(), "dischargeLowTemperatureProtection");
        high(PackFlag.ENV_OT, "alarmEnvOt", r.environment(), "environmentHighTemperatureAlarm");
        low(PackFlag.ENV_UT, "alarmEnvUt", r.environment(), "environmentLowTemperatureAlarm");
        high(PackFlag.ENV_OTP, "protectEnvOtp", r.environment(), "environmentHighTemperatureProtection");
        low(PackFlag.ENV_UTP, "protectEnvUtp", r.environment(), "environmentLowTemperatureProtection");
        high(PackFlag.MOS_OT, "alarmMosOt", r.mosfet(), "mosfetHighTemperatureAlarm");
        low(PackFlag.MOS_UT, "alarmMosUt", r.mosfet(), "mosfetLowTemperatureAlarm");
        high(PackFlag.MOS_OTP, "protectMosOtp", r.mosfet(), "mosfetHighTemperatureProtection");
        low(PackFlag.MOS_UTP, "protectMosUtp", r.mosfet(), "mosfetLowTemperatureProtection");
        high(PackFlag.CHG_OC, "alarmChgOc", r.measuredCurrent(), "chargeCurrentAlarm");
        high(PackFlag.DSG_OC, "alarmDsgOc", -r.measuredCurrent(), "dischargeCurrentAlarm");
        // SOC has no recovery row: two points of hysteresis
        double soc = r.soc();
        latch(PackFlag.SOC_LOW, "alarmSocLow", soc <= page.get("socLowAlarm"), soc > page.get("socLowAlarm") + 2);
        latch(PackFlag.SOC_LOW_P, "protectSocLowP", soc <= page.get("socLowProtection"),
                soc > page.get("socLowProtection") + 2 || r.current() > 0);
        overCurrent(r.measuredCurrent(), dt, now);
        double chargerVolts = r.requested() > 0 ? r.packVolts() + 0.5 : 0;
        double chargerLimit = page.get("chargerOverVoltageProtection");
        latch(PackFlag.CHARGER_OVP, "protectChargerOvp", chargerVolts > chargerLimit, chargerVolts <= chargerLimit);
        set(PackFlag.CELL_ERROR, page.get("cellsInSeries") > wiredCells);
        set(PackFlag.TEMP_SENSE_ERROR, page.get("tempSensorCount") > wiredSensors);
        limiter(r);
        heatingAndFan(r.tMin(), r.tMax(), r.requested());
        List<Change> changes = new ArrayList<>();
        for (PackFlag f : EnumSet.complementOf(before)) {
            if (active.contains(f)) {
                changes.add(new Change(f, false));
            }
        }
        for (PackFlag f : before) {
            if (!active.contains(f)) {
                changes.add(new Change(f, true));
            }
        }
        return changes;
    }

    private void high(PackFlag flag, String enable, double value, String threshold) {
        latch(flag, enable, value >= page.get(threshold), value < page.get(threshold + "Recovery"));
    }

    private void low(PackFlag flag, String enable, double value, String threshold) {
        latch(flag, enable, value <= page.get(threshold), value > page.get(threshold + "Recovery"));
    }

    private void latch(PackFlag flag, String enable, boolean set, boolean clear) {
        if (!page.enabled(enable)) {
            active.remove(flag);
        } else if (set) {
            active.add(flag);
        } else if (clear) {
            active.remove(flag);
        }
    }

    private void set(PackFlag flag, boolean on) {
        if (on) {
            active.add(flag);
        } else {
            active.remove(flag);
        }
    }

    /** Over-current protections trip after their delay and release after the release delay. */
    private void overCurrent(double i, double dt, double now) {
        chargeOcTime = i > page.get("chargeOverCurrentProtection") ? chargeOcTime + dt : 0;
        dischargeOc1Time = -i > page.get("dischargeOverCurrent1Protection") ? dischargeOc1Time + dt : 0;
        dischargeOc2Time = -i > page.get("dischargeOverCurrent2Protection") ? dischargeOc2Time + dt : 0;
        double scpAmps = (page.get("scpVoltage") + 1) * 25 / 75 * page.get("shuntRating");
        trip(PackFlag.CHG_OCP, "protectChgOcp", chargeOcTime >= page.get("chargeOverCurrentProtectionDelay"), now);
        trip(PackFlag.DSG_OCP_1, "protectDsgOcp1",
                dischargeOc1Time >= page.get("dischargeOverCurrent1ProtectionDelay"), now);
        trip(PackFlag.DSG_OCP_2, "protectDsgOcp2",
                dischargeOc2Time >= page.get("dischargeOverCurrent2ProtectionDelay"), now);
        trip(PackFlag.SCP, "protectScp", -i > scpAmps, now);
        if (!latchedOverCurrent.isEmpty() && now >= overCurrentReleaseAt) {
            active.removeAll(latchedOverCurrent);
            latchedOverCurrent.clear();
            overCurrentReleaseAt = Double.NaN;
        }
    }

    private void trip(PackFlag flag, String enable, boolean condition, double now) {
        if (!page.enabled(enable)) {
            active.remove(flag);
            latchedOverCurrent.remove(flag);
        } else if (condition && !active.contains(flag)) {
            active.add(flag);
            latchedOverCurrent.add(flag);
            overCurrentReleaseAt = now + page.get("overCurrentReleaseDelay");
        }
    }

    private void limiter(Readings r) {
        if (hostLimiter != null) {
            limiterOn = hostLimiter;
            return;
        }
        boolean charging = r.current() > page.get("standbyCurrentThreshold") || r.requested() > 0;
        boolean condition = r.requested() > page.get("chargeLimitStartCurrent")
                || r.cellMax() > page.get("chargeLimitCellVoltage");
        if (!page.enabled("enableChargeLimit") || !charging) {
            limiterOn = false;
        } else if (condition) {
            limiterOn = true;
        }
    }

    private void heatingAndFan(double tMin, double tMax, double requested) {
        if (!page.enabled("enableHeating")) {
            heating = false;
        } else if (tMin <= page.get("heatingStartTemperature") && requested > 0) {
            heating = true; // heats from the charger only, as pack heaters do
        } else if (tMin >= page.get("heatingStopTemperature") || requested <= 0) {
            heating = false;
        }
        if (!page.enabled("enableRadiating")) {
            radiating = false;
        } else if (tMax >= page.get("radiatingStartTemperature")) {
            radiating = true;
        } else if (tMax <= page.get("radiatingStopTemperature")) {
            radiating = false;
        }
    }

    /**
     * The host's FET and limiter commands with the manual's interlocks.
     *
     * @param measuredCurrent what the board measures now (A, + charge)
     */
    BoardResult control(ControlAction action, double measuredCurrent) {
        double standby = page.get("standbyCurrentThreshold");
        return switch (action) {
            case CFET_OFF -> {
                if (measuredCurrent < -standby) {
                    yield BoardResult.REFUSED_CFET_WHILE_DISCHARGING;
                }
                holdCfet = true;
                yield BoardResult.DONE;
            }
            case DFET_OFF -> {
                if (measuredCurrent > standby) {
                    yield BoardResult.REFUSED_DFET_WHILE_CHARGING;
                }
                holdDfet = true;
                yield BoardResult.DONE;
            }
            case CFET_ON -> {
                if (!page.enabled("enableCfet")) {
                    yield BoardResult.REFUSED_DISABLED;
                }
                if (chargeBlocked()) {
                    yield BoardResult.REFUSED_PROTECTION;
                }
                holdCfet = false;
                yield BoardResult.DONE;
            }
            case DFET_ON -> {
                if (!page.enabled("enableDfet")) {
                    yield BoardResult.REFUSED_DISABLED;
                }
                if (dischargeBlocked()) {
                    yield BoardResult.REFUSED_PROTECTION;
                }
                holdDfet = false;
                yield BoardResult.DONE;
            }
            case CHARGE_LIMIT_ON -> {
                if (active.contains(PackFlag.CURRENT_LIMIT_ERROR)) {
                    yield BoardResult.REFUSED_PROTECTION;
                }
                hostLimiter = Boolean.TRUE;
                limiterOn = true;
                yield BoardResult.DONE;
            }
            case CHARGE_LIMIT_OFF -> {
                hostLimiter = null;
                limiterOn = false;
                yield BoardResult.DONE;
            }
            default -> throw new IllegalArgumentException(action + " is not a FET or limiter command");
        };
    }
}
