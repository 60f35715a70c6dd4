package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.FirmwareTarget;

/**
 * One simulated pack and its BMS board. The cells follow the physics (coulomb counting, open-circuit
 * voltage plus I·R, self-discharge, balancing, heat); the board measures them through imperfect sensors that
 * calibration corrects, judges alarms and protections from its own parameter page, switches its FETs, and
 * keeps a clock, counters, records and a firmware target. Thread-safe: every public method takes the pack's
 * lock, and {@link #snapshot()} returns the values of the last completed step.
 */
public final class SimPack implements Board {

    static final int HISTORY_CAPACITY = 10_000;
    static final int ALARM_CAPACITY = 2_000;
    private static final double ERASE_SECONDS = 3;
    private static final double RESTORE_SECONDS = 1;
    private static final double WAKE_SECONDS = 1;
    private static final double THERMAL_TAU = 1800;
    private static final double MOSFET_TAU = 300;

    /** Bit numbers of the alarm record codes (docs/protocols/modbus-native.md, sections 7.2 to 7.4 and 9.7). */
    private static final List<PackFlag> ALARM_BITS = List.of(PackFlag.PACK_UV, PackFlag.PACK_OV, PackFlag.CELL_UV,
            PackFlag.CELL_OV, PackFlag.CELL_DIFF, PackFlag.CHG_UT, PackFlag.CHG_OT, PackFlag.DSG_UT, PackFlag.DSG_OT,
            PackFlag.CELL_UT, PackFlag.CELL_OT, PackFlag.ENV_UT, PackFlag.ENV_OT, PackFlag.MOS_UT, PackFlag.MOS_OT,
            PackFlag.SOC_LOW, PackFlag.CHG_OC, PackFlag.DSG_OC);
    private static final List<PackFlag> PROTECTION_BITS = List.of(PackFlag.PACK_UVP, PackFlag.PACK_OVP,
            PackFlag.CELL_UVP, PackFlag.CELL_OVP, PackFlag.CHG_UTP, PackFlag.CHG_OTP, PackFlag.DSG_UTP,
            PackFlag.DSG_OTP, PackFlag.ENV_UTP, PackFlag.ENV_OTP, PackFlag.MOS_UTP, PackFlag.MOS_OTP, PackFlag.CHG_OCP,
            PackFlag.DSG_OCP_1, PackFlag.DSG_OCP_2, PackFlag.SCP, PackFlag.CHARGER_OVP, PackFlag.SOC_LOW_P,
            PackFlag.INVERSED_CHARGER);
    private static final List<PackFlag> DETECTION_BITS = List.of(PackFlag.CFET_ERROR, PackFlag.DFET_ERROR,
            PackFlag.CURRENT_LIMIT_ERROR, PackFlag.VOLTAGE_SENSE_ERROR, PackFlag.TEMP_SENSE_ERROR,
            PackFlag.CURRENT_SENSE_ERROR, PackFlag.CELL_ERROR, PackFlag.KEY_SWITCH_ERROR, PackFlag.EEPROM_ERROR,
            PackFlag.RTC_ERROR, PackFlag.CALIBRATION_MISSING);
    private static final Set<PackFlag> BLOCKS_CHARGE = EnumSet.of(PackFlag.CELL_OVP, PackFlag.PACK_OVP,
            PackFlag.CHG_OTP, PackFlag.CHG_UTP, PackFlag.CHG_OCP, PackFlag.CHARGER_OVP, PackFlag.ENV_OTP,
            PackFlag.ENV_UTP, PackFlag.MOS_OTP, PackFlag.MOS_UTP, PackFlag.INVERSED_CHARGER, PackFlag.CFET_ERROR);
    private static final Set<PackFlag> BLOCKS_DISCHARGE = EnumSet.of(PackFlag.CELL_UVP, PackFlag.PACK_UVP,
            PackFlag.DSG_OTP, PackFlag.DSG_UTP, PackFlag.DSG_OCP_1, PackFlag.DSG_OCP_2, PackFlag.SCP,
            PackFlag.SOC_LOW_P, PackFlag.ENV_OTP, PackFlag.ENV_UTP, PackFlag.MOS_OTP, PackFlag.MOS_UTP,
            PackFlag.DFET_ERROR);
    private static final Set<String> WRITABLE_TEXTS = Set.of("manufacturer", "model", "productVersion",
            "batteryType", "serialNumber", "remarks", "barCode");

    private final PackSpec spec;
    private final SimClock clock;
    private final Random random;
    private final Map<String, ParameterDefinition> definitions;
    private final Map<String, Double> defaults;
    private final Map<String, Double> page;
    private final Map<String, String> texts = new HashMap<>();

    // cells: true state
    private final double[] cellCapacity;
    private final double[] cellCharge;
    private final double[] cellResistance;
    private final double[] selfDischarge;
    private final double[] cellVoltage;
    private final BitSet balancing = new BitSet();
    // temperatures: true state and sensor errors
    private final double[] sensorTemp;
    private final double[] sensorCoupling;
    private final double[] sensorError;
    private final double[] sensorCalibration;
    private double environmentTemp;
    private double mosfetTemp;
    private double environmentError;
    private double mosfetError;
    private double environmentCalibration;
    private double mosfetCalibration;
    private double ambient;
    private final double[] cellNoise;
    private double cellMin;
    private double cellMax;
    // measurement chain
    private final double voltageGainError;
    private double voltageCalibration = 1;
    private final double currentSensorOffset;
    private final double factoryZero;
    private double currentZero;
    private boolean currentZeroCalibrated;
    // what flows
    private CurrentProfile profile;
    private double requested;
    private double current;
    private double measuredCurrent;
    // the BMS's own counters
    private double fullCapacity;
    private double remaining;
    private int cycles;
    private double dischargedSinceCycle;
    private double dischargedTotalAh;
    private double dischargedTotalKwh;
    // switches and flags
    private final EnumSet<PackFlag> active = EnumSet.noneOf(PackFlag.class);
    private boolean holdCfet;
    private boolean holdDfet;
    private Boolean hostLimiter;
    private boolean limiterOn;
    private boolean heating;
    private boolean radiating;
    private boolean fullCharge;
    private double chargeOcTime;
    private double dischargeOc1Time;
    private double dischargeOc2Time;
    private double overCurrentReleaseAt = Double.NaN;
    private final EnumSet<PackFlag> latchedOverCurrent = EnumSet.noneOf(PackFlag.class);
    // board state
    private boolean asleep;
    private double wakeAt = Double.NaN;
    private double lastAddressed;
    private double standbySince;
    private long clockOffsetSeconds;
    private final RecordRing<HistoryRecord> history = new RecordRing<>(HISTORY_CAPACITY);
    private final RecordRing<AlarmRecord> alarms = new RecordRing<>(ALARM_CAPACITY);
    private double nextHistoryAt;
    private double busyUntil = Double.NaN;
    private ControlAction busyWith;
    private int lastResult;
    private final SimFirmware firmware;
    private PackSnapshot snapshot;

    /**
     * @param definitions the native parameter page, whose ranges the board enforces (may be empty)
     * @param seed        makes the cell differences and sensor errors repeatable
     */
    public SimPack(PackSpec spec, SimClock clock, List<ParameterDefinition> definitions, long seed) {
        this.spec = spec;
        this.clock = clock;
        this.random = new Random(seed * 1_000_003L + spec.address());
        this.definitions = new HashMap<>();
        for (ParameterDefinition d : definitions) {
            this.definitions.put(d.key(), d);
        }
        this.defaults = BoardParameters.defaults(spec);
        this.page = new LinkedHashMap<>(defaults);
        // commissioned like a pack on a test bench: a data record every 5 minutes (factory value 0 = none)
        page.put("storageInterval", 5.0);
        int n = spec.cells();
        cellCapacity = new double[n];
        cellCharge = new double[n];
        cellResistance = new double[n];
        selfDischarge = new double[n];
        cellVoltage = new double[n];
        cellNoise = new double[n];
        double s = spec.spread();
        for (int i = 0; i < n; i++) {
            cellCapacity[i] = spec.capacityAh() * (1 + s * gaussian(0.5));
            cellResistance[i] = spec.cellResistanceOhm() * (1 + 5 * s * gaussian(0.5));
            // 1..4 % a month, scaled by the spread so a uniform pack (spread 0) stays uniform
            selfDischarge[i] = spec.capacityAh() * (0.01 + s * 1.5 * Math.abs(gaussian(1))) / (30 * 24);
            double soc = Math.max(0, Math.min(100, spec.initialSoc() + 100 * s * gaussian(0.5)));
            cellCharge[i] = cellCapacity[i] * soc / 100;
        }
        int m = spec.sensors();
        sensorTemp = new double[m];
        sensorCoupling = new double[m];
        sensorError = new double[m];
        sensorCalibration = new double[m];
        ambient = spec.ambientCelsius();
        for (int j = 0; j < m; j++) {
            sensorTemp[j] = ambient;
            sensorCoupling[j] = 1 + 0.2 * gaussian(1);
            sensorError[j] = 0.6 * gaussian(1);
        }
        environmentTemp = ambient;
        mosfetTemp = ambient;
        environmentError = 0.4 * gaussian(1);
        mosfetError = 0.8 * gaussian(1);
        voltageGainError = 1 + 0.002 * gaussian(1);
        currentSensorOffset = 0.3 * gaussian(1);
        factoryZero = currentSensorOffset - 0.04 * gaussian(1);
        currentZero = factoryZero;
        fullCapacity = round3(spec.capacityAh() * (0.98 + 0.02 * random.nextDouble()));
        remaining = fullCapacity * spec.initialSoc() / 100;
        cycles = random.nextInt(40);
        dischargedTotalAh = cycles * fullCapacity;
        dischargedTotalKwh = dischargedTotalAh * spec.chemistry().nominalVoltage() * n / 1000;
        profile = CurrentProfile.rest();
        texts.put("manufacturer", "BMS Workbench");
        texts.put("model", "SIM-" + n + "S" + m + "T");
        texts.put("deviceName", ("SIM" + n + "S").substring(0, Math.min(10, ("SIM" + n + "S").length())));
        texts.put("productVersion", "1.0");
        texts.put("batteryType", spec.chemistry() == Chemistry.LFP ? "LiFePO4" : "NMC");
        String serial = String.format("SIM%03d%06d", spec.address(), random.nextInt(1_000_000));
        texts.put("serialNumber", serial);
        texts.put("remarks", "");
        texts.put("barCode", String.format("BW%dS%d-%06d", n, m, Math.floorMod(serial.hashCode(), 1_000_000)));
        texts.put("softwareVersion", "NB176-1.04.2");
        texts.put("hardwareVersion", "NB176S33-R3");
        texts.put("protocolVersion", "1.0");
        firmware = new SimFirmware(new SimFirmware.Host() {
            @Override
            public double now() {
                return clock.seconds();
            }

            @Override
            public boolean currentFlowing() {
                return Math.abs(measuredCurrent) > param("standbyCurrentThreshold");
            }

            @Override
            public String hardwareVersion() {
                return texts.get("hardwareVersion");
            }

            @Override
            public String softwareVersion() {
                return texts.get("softwareVersion");
            }

            @Override
            public void restartInto(String version) {
                texts.put("softwareVersion", version);
                holdCfet = false;
                holdDfet = false;
                hostLimiter = null;
            }
        });
        nextHistoryAt = clock.seconds() + param("storageInterval") * 60;
        lastAddressed = clock.seconds();
        standbySince = clock.seconds();
        integrateCells(0);
        measure(0);
        snapshot = buildSnapshot();
    }

    private double gaussian(double clip) {
        return Math.max(-3 * clip, Math.min(3 * clip, random.nextGaussian() * clip));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private double param(String key) {
        Double v = page.get(key);
        return v == null ? Double.NaN : v;
    }

    private boolean enabled(String key) {
        return param(key) >= 0.5;
    }

    // --- simulation controls (not part of any protocol) ----------------------------------------------------

    public PackSpec spec() {
        return spec;
    }

    public synchronized void setProfile(CurrentProfile profile) {
        this.profile = profile;
    }

    public synchronized CurrentProfile profile() {
        return profile;
    }

    /** Sets the air temperature around the pack (°C); sensors follow with their thermal time constant. */
    public synchronized void setAmbient(double celsius) {
        ambient = celsius;
    }

    /** The true pack voltage, what a calibrated meter on the terminals reads. */
    public synchronized double trueVoltage() {
        double sum = 0;
        for (double v : cellVoltage) {
            sum += v;
        }
        return sum;
    }

    /** The current that really flows (A, + charge). */
    public synchronized double trueCurrent() {
        return current;
    }

    /** The true temperature at sensor 1..n, 34 environment or 35 MOSFET. */
    public synchronized double trueTemperature(int sensor) {
        return sensor == SENSOR_ENVIRONMENT ? environmentTemp : sensor == SENSOR_MOSFET ? mosfetTemp
                : sensorTemp[sensor - 1];
    }

    /** The true state of charge of cell {@code index} (0-based), percent. */
    public synchronized double trueCellSoc(int index) {
        return 100 * cellCharge[index] / cellCapacity[index];
    }

    public synchronized boolean asleep() {
        return asleep;
    }

    /** Whether the board answers now (not asleep, not waking, not restarting into new firmware). */
    synchronized boolean answering() {
        return !asleep && !firmware.restarting();
    }

    /** A frame for this board arrived; a frame of any address on the line wakes a sleeping board. */
    synchronized void lineActivity(boolean addressed) {
        if (addressed) {
            lastAddressed = clock.seconds();
        }
        if (asleep && Double.isNaN(wakeAt)) {
            wakeAt = clock.seconds() + WAKE_SECONDS;
        }
    }

    // --- physics -------------------------------------------------------------------------------------------

    /** Advances the pack by {@code dt} seconds of simulated time. */
    synchronized void step(double dt) {
        double now = clock.seconds();
        firmware.step();
        if (!Double.isNaN(busyUntil) && now >= busyUntil) {
            finishBusy();
        }
        requested = profile.current(view(), dt);
        if (asleep) {
            if (requested > 0 && Double.isNaN(wakeAt)) {
                wakeAt = now; // a charger voltage on the port wakes the board at once
            }
            if (!Double.isNaN(wakeAt) && now >= wakeAt) {
                wake();
            }
        }
        boolean cfet = cfetOn();
        boolean dfet = dfetOn();
        double flow = requested > 0 ? (cfet ? requested : 0) : (dfet ? requested : 0);
        if (limiterOn && flow > limiterCurrent()) {
            flow = limiterCurrent();
        }
        current = flow;
        integrateCells(dt);
        integrateTemperatures(dt, now);
        measure(dt);
        cellExtremes();
        if (!asleep) {
            balance();
            judge(dt, now);
            records(now);
            dormancy(now);
        } else {
            balancing.clear();
        }
        snapshot = buildSnapshot();
    }

    private CurrentProfile.PackView view() {
        return new CurrentProfile.PackView() {
            @Override
            public double soc() {
                return fullCapacity > 0 ? 100 * remaining / fullCapacity : 0;
            }

            @Override
            public double maxCellVoltage() {
                double max = 0;
                for (double v : cellVoltage) {
                    max = Math.max(max, v);
                }
                return max;
            }

            @Override
            public double designCapacity() {
                return param("designCapacity");
            }

            @Override
            public double fullChargeCellVoltage() {
                return param("fullChargeCellVoltage");
            }

            @Override
            public boolean fullCharge() {
                return fullCharge;
            }

            @Override
            public boolean chargeBlocked() {
                return !cfetOn();
            }

            @Override
            public boolean dischargeBlocked() {
                return !dfetOn();
            }
        };
    }

    private boolean chargeBlocked() {
        for (PackFlag f : active) {
            if (BLOCKS_CHARGE.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private boolean dischargeBlocked() {
        for (PackFlag f : active) {
            if (BLOCKS_DISCHARGE.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private boolean cfetOn() {
        return !asleep && !firmware.restarting() && enabled("enableCfet") && !holdCfet && !chargeBlocked();
    }

    private boolean dfetOn() {
        return !asleep && !firmware.restarting() && enabled("enableDfet") && !holdDfet && !dischargeBlocked();
    }

    /** The charge current limiting module passes about a tenth of the capacity. */
    private double limiterCurrent() {
        return Math.max(1, 0.1 * spec.capacityAh());
    }

    private void integrateCells(double dt) {
        double balanceAmps = spec.balanceCurrent();
        for (int i = 0; i < cellCharge.length; i++) {
            double bleed = balancing.get(i) ? balanceAmps : 0;
            double q = cellCharge[i] + (current - bleed - selfDischarge[i]) * dt / 3600;
            cellCharge[i] = Math.max(0, Math.min(cellCapacity[i], q));
            double soc = 100 * cellCharge[i] / cellCapacity[i];
            double t = sensorTemp.length == 0 ? environmentTemp
                    : sensorTemp[Math.min(sensorTemp.length - 1, i * sensorTemp.length / cellCharge.length)];
            double r = cellResistance[i] * (1 + 0.015 * Math.max(0, 25 - t));
            // polarisation rises steeply at the ends, which gives the knee a charger's CV phase and a
            // discharge cut-off react to
            if (current > 0 && soc > 97) {
                r *= 1 + 40 * (soc - 97) / 3;
            } else if (current < 0 && soc < 3) {
                r *= 1 + 40 * (3 - soc) / 3;
            }
            cellVoltage[i] = spec.chemistry().ocv(soc) + current * r;
        }
    }

    private void integrateTemperatures(double dt, double now) {
        double c = current / spec.capacityAh();
        double joule = c * c * 8;
        for (int j = 0; j < sensorTemp.length; j++) {
            double target = ambient + joule * sensorCoupling[j] + (heating ? 15 : 0);
            double tau = radiating ? THERMAL_TAU / 2 : THERMAL_TAU;
            sensorTemp[j] += (target - sensorTemp[j]) * Math.min(1, dt / tau);
        }
        double daily = 1.0 * Math.sin(2 * Math.PI * now / 86_400);
        environmentTemp += (ambient + daily - environmentTemp) * Math.min(1, dt / THERMAL_TAU);
        mosfetTemp += (ambient + c * c * 20 - mosfetTemp) * Math.min(1, dt / MOSFET_TAU);
        for (int i = 0; i < cellNoise.length; i++) {
            cellNoise[i] = 0.0005 * gaussian(1);
        }
    }

    private void measure(double dt) {
        measuredCurrent = current + currentSensorOffset - currentZero + 0.01 * gaussian(1);
        if (asleep || dt == 0) {
            return;
        }
        double ah = measuredCurrent * dt / 3600;
        remaining = Math.max(0, Math.min(fullCapacity, remaining + ah));
        if (measuredCurrent < 0) {
            dischargedSinceCycle -= ah;
            dischargedTotalAh -= ah;
            dischargedTotalKwh -= ah * measuredVoltage() / 1000;
            while (dischargedSinceCycle >= fullCapacity && fullCapacity > 0) {
                dischargedSinceCycle -= fullCapacity;
                cycles = Math.min(65535, cycles + 1);
            }
        }
    }

    private double measuredVoltage() {
        double sum = 0;
        for (double v : cellVoltage) {
            sum += v;
        }
        return sum * voltageGainError * voltageCalibration;
    }

    /** The lowest and highest measured cell of this step, which balancing, alarms and the limiter all judge. */
    private void cellExtremes() {
        cellMin = Double.MAX_VALUE;
        cellMax = -Double.MAX_VALUE;
        for (int i = 0; i < cellVoltage.length; i++) {
            double v = measuredCell(i);
            cellMin = Math.min(cellMin, v);
            cellMax = Math.max(cellMax, v);
        }
    }

    private double measuredCell(int i) {
        return cellVoltage[i] + cellNoise[i];
    }

    private double measuredSensor(int j) {
        return sensorTemp[j] + sensorError[j] + sensorCalibration[j];
    }

    private void balance() {
        int mode = (int) param("balanceMode");
        double standby = param("standbyCurrentThreshold");
        boolean charging = current > standby;
        boolean resting = Math.abs(current) <= standby;
        boolean allowed = switch (mode) {
            case 1 -> charging;
            case 2 -> charging || resting;
            case 3 -> true;
            default -> false;
        };
        if (!allowed) {
            balancing.clear();
            return;
        }
        double start = param("balanceStartVoltage");
        double diff = param("balanceStartDifference");
        for (int i = 0; i < cellVoltage.length; i++) {
            double v = measuredCell(i);
            // a resistor switched on stays on until the cell is within half the start difference
            boolean on = v >= start && v - cellMin >= (balancing.get(i) ? diff / 2 : diff);
            balancing.set(i, on);
        }
    }

    // --- alarms and protections ----------------------------------------------------------------------------

    private void judge(double dt, double now) {
        EnumSet<PackFlag> before = EnumSet.copyOf(active);
        double max = cellMax;
        double min = cellMin;
        double pack = measuredVoltage();
        double tMax = Double.NaN;
        double tMin = Double.NaN;
        for (int j = 0; j < sensorTemp.length; j++) {
            double t = measuredSensor(j);
            tMax = Double.isNaN(tMax) ? t : Math.max(tMax, t);
            tMin = Double.isNaN(tMin) ? t : Math.min(tMin, t);
        }
        double env = environmentTemp + environmentError + environmentCalibration;
        double mos = mosfetTemp + mosfetError + mosfetCalibration;
        if (Double.isNaN(tMax)) {
            tMax = env;
            tMin = env;
        }
        double soc = fullCapacity > 0 ? 100 * remaining / fullCapacity : 0;
        high(PackFlag.CELL_OV, "alarmCellOv", max, "cellHighVoltageAlarm");
        low(PackFlag.CELL_UV, "alarmCellUv", min, "cellLowVoltageAlarm");
        high(PackFlag.CELL_OVP, "protectCellOvp", max, "cellOverVoltageProtection");
        low(PackFlag.CELL_UVP, "protectCellUvp", min, "cellUnderVoltageProtection");
        high(PackFlag.PACK_OV, "alarmPackOv", pack, "packHighVoltageAlarm");
        low(PackFlag.PACK_UV, "alarmPackUv", pack, "packLowVoltageAlarm");
        high(PackFlag.PACK_OVP, "protectPackOvp", pack, "packOverVoltageProtection");
        low(PackFlag.PACK_UVP, "protectPackUvp", pack, "packUnderVoltageProtection");
        high(PackFlag.CELL_DIFF, "alarmCellDiff", max - min, "voltageDifferenceAlarm");
        high(PackFlag.CELL_OT, "alarmCellOt", tMax, "cellHighTemperatureAlarm");
        low(PackFlag.CELL_UT, "alarmCellUt", tMin, "cellLowTemperatureAlarm");
        high(PackFlag.CHG_OT, "alarmChgOt", tMax, "chargeHighTemperatureAlarm");
        low(PackFlag.CHG_UT, "alarmChgUt", tMin, "chargeLowTemperatureAlarm");
        high(PackFlag.CHG_OTP, "protectChgOtp", tMax, "chargeHighTemperatureProtection");
        low(PackFlag.CHG_UTP, "protectChgUtp", tMin, "chargeLowTemperatureProtection");
        high(PackFlag.DSG_OT, "alarmDsgOt", tMax, "dischargeHighTemperatureAlarm");
        low(PackFlag.DSG_UT, "alarmDsgUt", tMin, "dischargeLowTemperatureAlarm");
        high(PackFlag.DSG_OTP, "protectDsgOtp", tMax, "dischargeHighTemperatureProtection");
        low(PackFlag.DSG_UTP, "protectDsgUtp", tMin, "dischargeLowTemperatureProtection");
        high(PackFlag.ENV_OT, "alarmEnvOt", env, "environmentHighTemperatureAlarm");
        low(PackFlag.ENV_UT, "alarmEnvUt", env, "environmentLowTemperatureAlarm");
        high(PackFlag.ENV_OTP, "protectEnvOtp", env, "environmentHighTemperatureProtection");
        low(PackFlag.ENV_UTP, "protectEnvUtp", env, "environmentLowTemperatureProtection");
        high(PackFlag.MOS_OT, "alarmMosOt", mos, "mosfetHighTemperatureAlarm");
        low(PackFlag.MOS_UT, "alarmMosUt", mos, "mosfetLowTemperatureAlarm");
        high(PackFlag.MOS_OTP, "protectMosOtp", mos, "mosfetHighTemperatureProtection");
        low(PackFlag.MOS_UTP, "protectMosUtp", mos, "mosfetLowTemperatureProtection");
        high(PackFlag.CHG_OC, "alarmChgOc", measuredCurrent, "chargeCurrentAlarm");
        high(PackFlag.DSG_OC, "alarmDsgOc", -measuredCurrent, "dischargeCurrentAlarm");
        // SOC has no recovery row: two points of hysteresis
        latch(PackFlag.SOC_LOW, "alarmSocLow", soc <= param("socLowAlarm"), soc > param("socLowAlarm") + 2);
        latch(PackFlag.SOC_LOW_P, "protectSocLowP", soc <= param("socLowProtection"),
                soc > param("socLowProtection") + 2 || current > 0);
        overCurrent(dt, now);
        double chargerVolts = requested > 0 ? pack + 0.5 : 0;
        latch(PackFlag.CHARGER_OVP, "protectChargerOvp", chargerVolts > param("chargerOverVoltageProtection"),
                chargerVolts <= param("chargerOverVoltageProtection"));
        detection();
        limiter();
        heatingAndFan(tMin, tMax);
        double standby = param("standbyCurrentThreshold");
        if (current > 0 && max >= param("fullChargeCellVoltage") - 0.01 && current <= Math.max(limiterCurrent(),
                0.1 * spec.capacityAh())) {
            if (!fullCharge) {
                remaining = fullCapacity; // the board learns "full" at the top of charge
            }
            fullCharge = true;
        } else if (soc < 95) {
            fullCharge = false;
        }
        if (min <= param("cellUnderVoltageProtection") && current < 0 && soc < 15) {
            remaining = 0; // and "empty" at the cut-off, when its own count agrees it is near empty
        }
        if (Math.abs(measuredCurrent) > standby) {
            standbySince = now;
        }
        for (PackFlag f : EnumSet.complementOf(before)) {
            if (active.contains(f)) {
                alarmRecord(f, false, now);
            }
        }
        for (PackFlag f : before) {
            if (!active.contains(f)) {
                alarmRecord(f, true, now);
            }
        }
    }

    private void high(PackFlag flag, String enable, double value, String threshold) {
        latch(flag, enable, value >= param(threshold), value < param(threshold + "Recovery"));
    }

    private void low(PackFlag flag, String enable, double value, String threshold) {
        latch(flag, enable, value <= param(threshold), value > param(threshold + "Recovery"));
    }

    private void latch(PackFlag flag, String enable, boolean set, boolean clear) {
        if (!enabled(enable)) {
            active.remove(flag);
        } else if (set) {
            active.add(flag);
        } else if (clear) {
            active.remove(flag);
        }
    }

    /** Over-current protections trip after their delay and release after the release delay. */
    private void overCurrent(double dt, double now) {
        double i = measuredCurrent;
        chargeOcTime = i > param("chargeOverCurrentProtection") ? chargeOcTime + dt : 0;
        dischargeOc1Time = -i > param("dischargeOverCurrent1Protection") ? dischargeOc1Time + dt : 0;
        dischargeOc2Time = -i > param("dischargeOverCurrent2Protection") ? dischargeOc2Time + dt : 0;
        double scpAmps = (param("scpVoltage") + 1) * 25 / 75 * param("shuntRating");
        trip(PackFlag.CHG_OCP, "protectChgOcp", chargeOcTime >= param("chargeOverCurrentProtectionDelay"), now);
        trip(PackFlag.DSG_OCP_1, "protectDsgOcp1",
                dischargeOc1Time >= param("dischargeOverCurrent1ProtectionDelay"), now);
        trip(PackFlag.DSG_OCP_2, "protectDsgOcp2",
                dischargeOc2Time >= param("dischargeOverCurrent2ProtectionDelay"), now);
        trip(PackFlag.SCP, "protectScp", -i > scpAmps, now);
        if (!latchedOverCurrent.isEmpty() && now >= overCurrentReleaseAt) {
            active.removeAll(latchedOverCurrent);
            latchedOverCurrent.clear();
            overCurrentReleaseAt = Double.NaN;
        }
    }

    private void trip(PackFlag flag, String enable, boolean condition, double now) {
        if (!enabled(enable)) {
            active.remove(flag);
            latchedOverCurrent.remove(flag);
        } else if (condition && !active.contains(flag)) {
            active.add(flag);
            latchedOverCurrent.add(flag);
            overCurrentReleaseAt = now + param("overCurrentReleaseDelay");
        }
    }

    private void detection() {
        boolean missingCell = page.get("cellsInSeries") > spec.cells();
        boolean missingSensor = page.get("tempSensorCount") > spec.sensors();
        set(PackFlag.CELL_ERROR, missingCell);
        set(PackFlag.TEMP_SENSE_ERROR, missingSensor);
    }

    private void set(PackFlag flag, boolean on) {
        if (on) {
            active.add(flag);
        } else {
            active.remove(flag);
        }
    }

    private void limiter() {
        if (hostLimiter != null) {
            limiterOn = hostLimiter;
            return;
        }
        boolean charging = current > param("standbyCurrentThreshold") || requested > 0;
        boolean condition = requested > param("chargeLimitStartCurrent") || cellMax > param("chargeLimitCellVoltage");
        if (!enabled("enableChargeLimit") || !charging) {
            limiterOn = false;
        } else if (condition) {
            limiterOn = true;
        }
    }

    private void heatingAndFan(double tMin, double tMax) {
        if (!enabled("enableHeating")) {
            heating = false;
        } else if (tMin <= param("heatingStartTemperature") && requested > 0) {
            heating = true; // heats from the charger only, as pack heaters do
        } else if (tMin >= param("heatingStopTemperature") || requested <= 0) {
            heating = false;
        }
        if (!enabled("enableRadiating")) {
            radiating = false;
        } else if (tMax >= param("radiatingStartTemperature")) {
            radiating = true;
        } else if (tMax <= param("radiatingStopTemperature")) {
            radiating = false;
        }
    }

    private void dormancy(double now) {
        if (enabled("enableDormancy") && now - standbySince >= param("dormancyDelay") * 60
                && now - lastAddressed >= param("dormancyDelay") * 60) {
            sleep();
        }
    }

    private void sleep() {
        asleep = true;
        wakeAt = Double.NaN;
        balancing.clear();
        heating = false;
        radiating = false;
        current = 0;
    }

    private void wake() {
        asleep = false;
        wakeAt = Double.NaN;
        holdCfet = false;
        holdDfet = false;
        hostLimiter = null;
        lastAddressed = clock.seconds();
        standbySince = clock.seconds();
    }

    // --- records -------------------------------------------------------------------------------------------

    private OperatingMode mode() {
        double standby = param("standbyCurrentThreshold");
        return measuredCurrent > standby ? OperatingMode.CHARGE
                : measuredCurrent < -standby ? OperatingMode.DISCHARGE : OperatingMode.IDLE;
    }

    private void records(double now) {
        double interval = param("storageInterval") * 60;
        if (interval <= 0) {
            nextHistoryAt = now;
            return;
        }
        if (now >= nextHistoryAt) {
            PackSnapshot values = buildSnapshot();
            history.add(new HistoryRecord(0, boardTime(), mode(), values));
            nextHistoryAt = Math.max(nextHistoryAt + interval, now);
        }
    }

    private void alarmRecord(PackFlag flag, boolean cleared, double now) {
        int category;
        int bit;
        if (ALARM_BITS.contains(flag)) {
            category = 1;
            bit = ALARM_BITS.indexOf(flag);
        } else if (PROTECTION_BITS.contains(flag)) {
            category = 2;
            bit = PROTECTION_BITS.indexOf(flag);
        } else {
            category = 3;
            bit = DETECTION_BITS.indexOf(flag);
        }
        int code = (cleared ? 0x8000 : 0) + category * 0x100 + bit;
        Set<PackFlag> activeNow = EnumSet.noneOf(PackFlag.class);
        for (PackFlag f : active) {
            if (f.category() != FlagCategory.DETECTION || DETECTION_BITS.contains(f)) {
                activeNow.add(f);
            }
        }
        alarms.add(new AlarmRecord(0, boardTime(), mode(), activeNow, code, buildSnapshot()));
    }

    private void finishBusy() {
        switch (busyWith) {
            case DELETE_HISTORY -> history.clear();
            case DELETE_ALARMS -> alarms.clear();
            case RESTORE_DEFAULTS -> {
                double address = page.get("rs485Address");
                page.clear();
                page.putAll(defaults);
                page.put("rs485Address", address);
            }
            default -> throw new IllegalStateException("no long operation " + busyWith);
        }
        busyWith = null;
        busyUntil = Double.NaN;
        lastResult = 0;
    }

    private LocalDateTime boardTime() {
        return clock.start().plusSeconds((long) Math.floor(clock.seconds()) + clockOffsetSeconds);
    }

    // --- snapshot ------------------------------------------------------------------------------------------

    private PackSnapshot buildSnapshot() {
        int address = address();
        int reportedCells = (int) Math.round(page.get("cellsInSeries"));
        int reportedSensors = (int) Math.round(page.get("tempSensorCount"));
        PackSnapshot.Builder b = PackSnapshot.builder(address).cellCount(reportedCells)
                .temperatureCount(reportedSensors);
        double sum = 0;
        double max = -1;
        double min = Double.MAX_VALUE;
        int counted = 0;
        for (int i = 0; i < reportedCells; i++) {
            if (i < cellVoltage.length) {
                double v = Math.round(measuredCell(i) * 1000) / 1000.0;
                b.cellVoltage(i, v);
                b.balancing(i, balancing.get(i));
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
            if (j < sensorTemp.length) {
                double t = Math.round(measuredSensor(j) * 10) / 10.0;
                b.temperature(j, t);
                tSum += t;
                tMax = Double.isNaN(tMax) ? t : Math.max(tMax, t);
                tMin = Double.isNaN(tMin) ? t : Math.min(tMin, t);
                tCount++;
            } else {
                b.temperature(j, Double.NaN);
            }
        }
        double voltage = measuredVoltage();
        boolean cfet = cfetOn();
        boolean dfet = dfetOn();
        b.set(Quantity.VOLTAGE, round3(voltage))
                .set(Quantity.CURRENT, Math.round(measuredCurrent * 100) / 100.0)
                .set(Quantity.SOC, fullCapacity > 0 ? Math.round(1000 * remaining / fullCapacity) / 10.0 : 0)
                .set(Quantity.SOH, Math.min(100, Math.round(1000 * fullCapacity / param("designCapacity")) / 10.0))
                .set(Quantity.REMAINING_CAPACITY, round3(remaining))
                .set(Quantity.FULL_CAPACITY, round3(fullCapacity))
                .set(Quantity.DESIGN_CAPACITY, param("designCapacity"))
                .set(Quantity.CYCLES, cycles)
                .set(Quantity.PORT_VOLTAGE, round3(cfet || dfet ? voltage : requested > 0 ? voltage + 0.5 : 0))
                .set(Quantity.INSULATION_POSITIVE, 20_000)
                .set(Quantity.INSULATION_NEGATIVE, 19_500)
                .set(Quantity.ENVIRONMENT_TEMPERATURE,
                        Math.round((environmentTemp + environmentError + environmentCalibration) * 10) / 10.0)
                .set(Quantity.MOSFET_TEMPERATURE,
                        Math.round((mosfetTemp + mosfetError + mosfetCalibration) * 10) / 10.0)
                .set(Quantity.DISCHARGED_CAPACITY_TOTAL, Math.round(dischargedTotalAh * 10) / 10.0)
                .set(Quantity.DISCHARGED_ENERGY_TOTAL, Math.round(dischargedTotalKwh * 100) / 100.0);
        if (counted > 0) {
            b.set(Quantity.AVERAGE_CELL_VOLTAGE, round3(sum / counted)).set(Quantity.MAX_CELL_VOLTAGE, max)
                    .set(Quantity.MIN_CELL_VOLTAGE, min);
        }
        if (tCount > 0) {
            b.set(Quantity.AVERAGE_CELL_TEMPERATURE, Math.round(tSum / tCount * 10) / 10.0)
                    .set(Quantity.MAX_CELL_TEMPERATURE, tMax).set(Quantity.MIN_CELL_TEMPERATURE, tMin);
        }
        double derate = tCount > 0 && (tMin < 10 || tMax > 45) ? 0.5 : 1;
        double chargeLimit = !cfet ? 0 : param("maxChargeCurrent") * derate
                * (max >= param("chargeLimitCellVoltage") ? 0.2 : 1);
        double soc = fullCapacity > 0 ? 100 * remaining / fullCapacity : 0;
        double dischargeLimit = !dfet ? 0 : param("maxDischargeCurrent") * derate
                * (soc < param("socLowAlarm") ? 0.3 : 1);
        b.set(Quantity.CHARGE_CURRENT_LIMIT, round3(chargeLimit)).set(Quantity.DISCHARGE_CURRENT_LIMIT,
                round3(dischargeLimit));
        for (FlagCategory c : FlagCategory.values()) {
            b.reported(c);
        }
        double standby = param("standbyCurrentThreshold");
        b.flag(PackFlag.CFET_ON, cfet).flag(PackFlag.DFET_ON, dfet)
                .flag(PackFlag.CHARGING, measuredCurrent > standby)
                .flag(PackFlag.DISCHARGING, measuredCurrent < -standby)
                .flag(PackFlag.STANDBY, Math.abs(measuredCurrent) <= standby)
                .flag(PackFlag.FULL_CHARGE, fullCharge)
                .flag(PackFlag.FLOAT_CHARGE, fullCharge && requested > 0)
                .flag(PackFlag.AC_IN, requested > 0)
                .flag(PackFlag.HEATING, heating).flag(PackFlag.HEAT_DISSIPATION, radiating)
                .flag(PackFlag.CHARGE_CURRENT_LIMIT_ON, limiterOn)
                .flag(PackFlag.BALANCING, !balancing.isEmpty())
                .flag(PackFlag.BUZZER, enabled("enableBuzzer") && active.stream()
                        .anyMatch(f -> f.category() == FlagCategory.PROTECTION));
        for (PackFlag f : active) {
            b.flag(f, true);
        }
        b.flag(PackFlag.CFET_ENABLED, enabled("enableCfet")).flag(PackFlag.DFET_ENABLED, enabled("enableDfet"))
                .flag(PackFlag.HEATING_ENABLED, enabled("enableHeating"))
                .flag(PackFlag.RADIATING_ENABLED, enabled("enableRadiating"))
                .flag(PackFlag.LED_ENABLED, enabled("enableLed"))
                .flag(PackFlag.BUZZER_ENABLED, enabled("enableBuzzer"))
                .flag(PackFlag.DORMANCY_ENABLED, enabled("enableDormancy"))
                .flag(PackFlag.CHARGE_LIMIT_ENABLED, enabled("enableChargeLimit"));
        return b.build();
    }

    // --- Board ---------------------------------------------------------------------------------------------

    @Override
    public synchronized int address() {
        return (int) Math.round(page.get("rs485Address"));
    }

    @Override
    public synchronized PackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized double parameter(String key) {
        BoardParameters.Alias alias = BoardParameters.ALIASES.get(key);
        if (alias != null) {
            return param(alias.nativeKey()) * alias.sign();
        }
        return param(key);
    }

    /** The whole native parameter page, keys in map order. */
    public synchronized Map<String, Double> parameters() {
        return new LinkedHashMap<>(page);
    }

    @Override
    public synchronized BoardResult writeParameters(Map<String, Double> values) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        Map<String, Double> update = BoardParameters.toNative(values, page);
        if (update == null) {
            return result(BoardResult.INVALID_VALUE);
        }
        Map<String, Double> next = new LinkedHashMap<>(page);
        next.putAll(update);
        if (BoardParameters.problem(next, definitions) != null) {
            return result(BoardResult.INVALID_VALUE);
        }
        page.putAll(update);
        if (update.containsKey("storageInterval")) {
            nextHistoryAt = clock.seconds() + param("storageInterval") * 60;
        }
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    /** Why {@code values} would be refused, or null; for tools that explain a refusal to a person. */
    public synchronized String parameterProblem(Map<String, Double> values) {
        Map<String, Double> update = BoardParameters.toNative(values, page);
        if (update == null) {
            return "unknown parameter in " + values.keySet();
        }
        Map<String, Double> next = new LinkedHashMap<>(page);
        next.putAll(update);
        return BoardParameters.problem(next, definitions);
    }

    private BoardResult result(BoardResult r) {
        lastResult = r == BoardResult.INVALID_VALUE ? lastResult : r.code();
        return r;
    }

    @Override
    public synchronized BoardResult control(ControlAction action) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        double standby = param("standbyCurrentThreshold");
        BoardResult r = switch (action) {
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
                if (!enabled("enableCfet")) {
                    yield BoardResult.REFUSED_DISABLED;
                }
                if (chargeBlocked()) {
                    yield BoardResult.REFUSED_PROTECTION;
                }
                holdCfet = false;
                yield BoardResult.DONE;
            }
            case DFET_ON -> {
                if (!enabled("enableDfet")) {
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
            case HIBERNATE -> {
                if (Math.abs(measuredCurrent) > standby) {
                    yield BoardResult.REFUSED_CURRENT_FLOWING;
                }
                sleep();
                yield BoardResult.DONE;
            }
            case DELETE_HISTORY, DELETE_ALARMS -> {
                busyWith = action;
                busyUntil = clock.seconds() + ERASE_SECONDS;
                yield BoardResult.DONE;
            }
            case RESTORE_DEFAULTS -> {
                busyWith = action;
                busyUntil = clock.seconds() + RESTORE_SECONDS;
                yield BoardResult.DONE;
            }
        };
        snapshot = buildSnapshot();
        return result(r);
    }

    @Override
    public synchronized boolean controlState(ControlAction action) {
        return switch (action) {
            case CFET_ON -> cfetOn();
            case CFET_OFF -> !cfetOn();
            case DFET_ON -> dfetOn();
            case DFET_OFF -> !dfetOn();
            case CHARGE_LIMIT_ON -> limiterOn;
            case CHARGE_LIMIT_OFF -> !limiterOn;
            case DELETE_HISTORY, DELETE_ALARMS, RESTORE_DEFAULTS -> busyWith == action;
            case HIBERNATE -> false;
        };
    }

    @Override
    public synchronized LocalDateTime clock() {
        return boardTime();
    }

    @Override
    public synchronized BoardResult setClock(LocalDateTime time) {
        if (time.getYear() < 2000 || time.getYear() > 2099) {
            return result(BoardResult.INVALID_VALUE);
        }
        LocalDateTime now = clock.start().plusSeconds((long) Math.floor(clock.seconds()));
        clockOffsetSeconds = ChronoUnit.SECONDS.between(now, time.withNano(0));
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized String text(String name) {
        return texts.getOrDefault(name, "");
    }

    @Override
    public synchronized BoardResult setText(String name, String value) {
        if (!WRITABLE_TEXTS.contains(name)) {
            return result(BoardResult.NOT_ALLOWED);
        }
        if (value.length() > 30 || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return result(BoardResult.INVALID_VALUE);
        }
        texts.put(name, value);
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized BoardResult configure(Map<String, Double> values) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        double full = values.getOrDefault("fullCapacity", fullCapacity);
        double rest = values.getOrDefault("remainingCapacity", Math.min(remaining, full));
        double cyc = values.getOrDefault("cycleCount", (double) cycles);
        for (String key : values.keySet()) {
            if (!Set.of("fullCapacity", "remainingCapacity", "cycleCount").contains(key)) {
                return result(BoardResult.INVALID_VALUE);
            }
        }
        if (!(full >= 1 && full <= 4000) || !(rest >= 0 && rest <= full) || !(cyc >= 0 && cyc <= 65535)
                || cyc != Math.rint(cyc)) {
            return result(BoardResult.INVALID_VALUE);
        }
        fullCapacity = full;
        remaining = rest;
        cycles = (int) cyc;
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized BoardResult calibrateVoltage(double trueVolts) {
        double measured = measuredVoltage();
        if (!(Math.abs(trueVolts - measured) <= 0.05 * measured) || measured <= 0) {
            return result(BoardResult.OUT_OF_WINDOW);
        }
        voltageCalibration *= trueVolts / measured;
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized BoardResult calibrateCurrentZero() {
        if (Math.abs(measuredCurrent) > 0.02 * param("shuntRating")) {
            return result(BoardResult.REFUSED_CURRENT_FLOWING);
        }
        // the board cannot tell a real current from an offset: what flows now becomes zero
        currentZero = current + currentSensorOffset;
        currentZeroCalibrated = true;
        measuredCurrent = current + currentSensorOffset - currentZero;
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized double measuredTemperature(int sensor) {
        if (sensor == SENSOR_ENVIRONMENT) {
            return environmentTemp + environmentError + environmentCalibration;
        }
        if (sensor == SENSOR_MOSFET) {
            return mosfetTemp + mosfetError + mosfetCalibration;
        }
        if (sensor < 1 || sensor > sensorTemp.length) {
            return Double.NaN;
        }
        return measuredSensor(sensor - 1);
    }

    @Override
    public synchronized BoardResult calibrateTemperature(int sensor, double trueCelsius) {
        double measured = measuredTemperature(sensor);
        if (Double.isNaN(measured)) {
            return result(BoardResult.REFUSED_PROTECTION);
        }
        if (!(Math.abs(trueCelsius - measured) <= 10)) {
            return result(BoardResult.OUT_OF_WINDOW);
        }
        double shift = trueCelsius - measured;
        if (sensor == SENSOR_ENVIRONMENT) {
            environmentCalibration += shift;
        } else if (sensor == SENSOR_MOSFET) {
            mosfetCalibration += shift;
        } else {
            sensorCalibration[sensor - 1] += shift;
        }
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized BoardResult resetCalibration(int what, int sensor) {
        switch (what) {
            case 1 -> voltageCalibration = 1;
            case 2 -> {
                currentZero = factoryZero;
                currentZeroCalibrated = false;
            }
            case 3 -> {
                if (sensor == SENSOR_ENVIRONMENT) {
                    environmentCalibration = 0;
                } else if (sensor == SENSOR_MOSFET) {
                    mosfetCalibration = 0;
                } else if (sensor >= 1 && sensor <= sensorCalibration.length) {
                    sensorCalibration[sensor - 1] = 0;
                } else {
                    return result(BoardResult.INVALID_VALUE);
                }
            }
            case 4 -> {
                java.util.Arrays.fill(sensorCalibration, 0);
                environmentCalibration = 0;
                mosfetCalibration = 0;
            }
            default -> {
                return result(BoardResult.INVALID_VALUE);
            }
        }
        snapshot = buildSnapshot();
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized int calibrationStatus() {
        boolean offset = environmentCalibration != 0 || mosfetCalibration != 0;
        for (double c : sensorCalibration) {
            offset |= c != 0;
        }
        // the factory calibrated voltage and current gain; bit 0 and 2 stay set
        return 1 | (currentZeroCalibrated ? 2 : 0) | 4 | (offset ? 8 : 0);
    }

    @Override
    public synchronized boolean busy() {
        return busyWith != null;
    }

    @Override
    public int historyCount() {
        return history.size();
    }

    @Override
    public HistoryRecord history(int index) {
        HistoryRecord r = history.get(index);
        return new HistoryRecord(index, r.time(), r.mode(), r.values());
    }

    @Override
    public int alarmCount() {
        return alarms.size();
    }

    @Override
    public AlarmRecord alarm(int index) {
        AlarmRecord r = alarms.get(index);
        return new AlarmRecord(index, r.time(), r.mode(), r.active(), r.code(), r.values());
    }

    /** Records the ring dropped because it was full. */
    public long droppedRecords() {
        return history.dropped() + alarms.dropped();
    }

    @Override
    public synchronized int lastResult() {
        return lastResult;
    }

    @Override
    public synchronized void lastResult(BoardResult result) {
        lastResult = result.code();
    }

    @Override
    public FirmwareTarget firmware() {
        return firmware;
    }
}
