package org.bmsworkbench.sim;

import java.util.BitSet;
import java.util.Random;

import org.bmsworkbench.protocol.device.Board;

/**
 * The cells, their heat and the sensors that see them. The true state follows coulomb counting, open-circuit
 * voltage plus I·R, self-discharge, balance bleed and first-order heating; the measured state adds each
 * sensor's error and noise and the board's {@link Calibration}. Not thread-safe: the pack's lock guards it.
 */
final class PackPhysics {

    private static final double THERMAL_TAU = 1800;
    private static final double MOSFET_TAU = 300;

    private final PackSpec spec;
    private final Random random;
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
    private double environmentTemp;
    private double mosfetTemp;
    private final double environmentError;
    private final double mosfetError;
    private double ambient;
    private final double[] cellNoise;
    private double cellMin;
    private double cellMax;
    // measurement chain
    private final double voltageGainError;
    private final double currentSensorOffset;
    private final Calibration calibration;
    private double current;
    private double measuredCurrent;

    /** Draws every cell and sensor difference from {@code random}, in an order a seed keeps repeatable. */
    PackPhysics(PackSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
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
        calibration = new Calibration(m, currentSensorOffset - 0.04 * gaussian(1));
    }

    private double gaussian(double clip) {
        return Math.max(-3 * clip, Math.min(3 * clip, random.nextGaussian() * clip));
    }

    Calibration calibration() {
        return calibration;
    }

    void setAmbient(double celsius) {
        ambient = celsius;
    }

    /** What flows through the terminals from now on (A, + charge). */
    void setCurrent(double amps) {
        current = amps;
    }

    double current() {
        return current;
    }

    double trueVoltage() {
        double sum = 0;
        for (double v : cellVoltage) {
            sum += v;
        }
        return sum;
    }

    double trueMaxCellVoltage() {
        double max = 0;
        for (double v : cellVoltage) {
            max = Math.max(max, v);
        }
        return max;
    }

    double trueTemperature(int sensor) {
        return sensor == Board.SENSOR_ENVIRONMENT ? environmentTemp : sensor == Board.SENSOR_MOSFET ? mosfetTemp
                : sensorTemp[sensor - 1];
    }

    double trueCellSoc(int index) {
        return 100 * cellCharge[index] / cellCapacity[index];
    }

    int cells() {
        return cellVoltage.length;
    }

    int sensors() {
        return sensorTemp.length;
    }

    void integrateCells(double dt) {
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

    /** Moves every temperature toward its target and draws this step's cell voltage noise. */
    void integrateTemperatures(double dt, double now, boolean heating, boolean radiating) {
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

    // --- what the board measures ---------------------------------------------------------------------------

    /** Takes this step's current reading, with the sensor's offset, the calibrated zero and noise. */
    double measureCurrent() {
        measuredCurrent = current + currentSensorOffset - calibration.currentZero() + 0.01 * gaussian(1);
        return measuredCurrent;
    }

    double measuredCurrent() {
        return measuredCurrent;
    }

    /** Zeroes the current sensor on what flows now; the reading follows at once, without noise. */
    void zeroCurrent() {
        calibration.zeroCurrent(current + currentSensorOffset);
        measuredCurrent = current + currentSensorOffset - calibration.currentZero();
    }

    double measuredVoltage() {
        double sum = 0;
        for (double v : cellVoltage) {
            sum += v;
        }
        return sum * voltageGainError * calibration.voltageGain();
    }

    double measuredCell(int i) {
        return cellVoltage[i] + cellNoise[i];
    }

    /** The reading of cell sensor {@code j} (0-based). */
    double measuredSensor(int j) {
        return sensorTemp[j] + sensorError[j] + calibration.sensorOffset(j);
    }

    double measuredEnvironment() {
        return environmentTemp + environmentError + calibration.environmentOffset();
    }

    double measuredMosfet() {
        return mosfetTemp + mosfetError + calibration.mosfetOffset();
    }

    /** The reading of sensor 1..n, {@link Board#SENSOR_ENVIRONMENT} or {@link Board#SENSOR_MOSFET}; NaN if absent. */
    double measuredTemperature(int sensor) {
        if (sensor == Board.SENSOR_ENVIRONMENT) {
            return measuredEnvironment();
        }
        if (sensor == Board.SENSOR_MOSFET) {
            return measuredMosfet();
        }
        if (sensor < 1 || sensor > sensorTemp.length) {
            return Double.NaN;
        }
        return measuredSensor(sensor - 1);
    }

    /** Finds the lowest and highest measured cell once a step; balancing, alarms and the limiter all judge them. */
    void findCellExtremes() {
        cellMin = Double.MAX_VALUE;
        cellMax = -Double.MAX_VALUE;
        for (int i = 0; i < cellVoltage.length; i++) {
            double v = measuredCell(i);
            cellMin = Math.min(cellMin, v);
            cellMax = Math.max(cellMax, v);
        }
    }

    double cellMin() {
        return cellMin;
    }

    double cellMax() {
        return cellMax;
    }

    // --- balancing -----------------------------------------------------------------------------------------

    boolean balancing(int cell) {
        return balancing.get(cell);
    }

    boolean anyBalancing() {
        return !balancing.isEmpty();
    }

    /** Balancing needs the board: a sleeping board switches every resistor off. */
    void stopBalancing() {
        balancing.clear();
    }

    /**
     * Switches the balance resistors for this step by the balance mode: 0 off, 1 while charging, 2 charging or
     * at rest, 3 always.
     */
    void balance(int mode, double standbyCurrent, double startVoltage, double startDifference) {
        boolean charging = current > standbyCurrent;
        boolean resting = Math.abs(current) <= standbyCurrent;
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
        for (int i = 0; i < cellVoltage.length; i++) {
            double v = measuredCell(i);
            // a resistor switched on stays on until the cell is within half the start difference
            double needed = balancing.get(i) ? startDifference / 2 : startDifference;
            boolean on = v >= startVoltage && v - cellMin >= needed;
            balancing.set(i, on);
        }
    }
}
