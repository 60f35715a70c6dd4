package org.bmsworkbench.sim;

import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bmsworkbench.protocol.device.BoardResult;

/**
 * The board's own capacity count: remaining and full capacity by coulomb counting of the measured current
 * (so it drifts from the cells' truth as a real gauge does), cycles and the discharged totals. It learns
 * "full" at the top of charge and "empty" at the cut-off.
 */
final class FuelGauge {

    private static final Set<String> CONFIGURABLE = Set.of("fullCapacity", "remainingCapacity", "cycleCount");

    private double fullCapacity;
    private double remaining;
    private int cycles;
    private double dischargedSinceCycle;
    private double dischargedTotalAh;
    private double dischargedTotalKwh;
    private boolean fullCharge;

    /** A gauge of some service: the learned capacity and the cycle count are drawn from {@code random}. */
    FuelGauge(PackSpec spec, Random random) {
        fullCapacity = round3(spec.capacityAh() * (0.98 + 0.02 * random.nextDouble()));
        remaining = fullCapacity * spec.initialSoc() / 100;
        cycles = random.nextInt(40);
        dischargedTotalAh = cycles * fullCapacity;
        dischargedTotalKwh = dischargedTotalAh * spec.chemistry().nominalVoltage() * spec.cells() / 1000;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    double soc() {
        return fullCapacity > 0 ? 100 * remaining / fullCapacity : 0;
    }

    double fullCapacity() {
        return fullCapacity;
    }

    double remaining() {
        return remaining;
    }

    int cycles() {
        return cycles;
    }

    double dischargedTotalAh() {
        return dischargedTotalAh;
    }

    double dischargedTotalKwh() {
        return dischargedTotalKwh;
    }

    boolean fullCharge() {
        return fullCharge;
    }

    /** Counts {@code amps} (measured, + charge) over {@code dt} seconds at {@code volts} on the pack. */
    void count(double amps, double dt, double volts) {
        double ah = amps * dt / 3600;
        remaining = Math.max(0, Math.min(fullCapacity, remaining + ah));
        if (amps < 0) {
            dischargedSinceCycle -= ah;
            dischargedTotalAh -= ah;
            dischargedTotalKwh -= ah * volts / 1000;
            while (dischargedSinceCycle >= fullCapacity && fullCapacity > 0) {
                dischargedSinceCycle -= fullCapacity;
                cycles = Math.min(65535, cycles + 1);
            }
        }
    }

    /**
     * @param topOfCharge the top cell at the full-charge voltage while a small current still flows in
     * @param cutOff      the bottom cell at the under-voltage protection while discharging
     */
    void learn(boolean topOfCharge, boolean cutOff) {
        double soc = soc();
        if (topOfCharge) {
            if (!fullCharge) {
                remaining = fullCapacity;
            }
            fullCharge = true;
        } else if (soc < 95) {
            fullCharge = false;
        }
        // a cell at the cut-off means empty only when the count agrees the pack is near empty
        if (cutOff && soc < 15) {
            remaining = 0;
        }
    }

    /** System configuration by the host: {@code fullCapacity}, {@code remainingCapacity}, {@code cycleCount}. */
    BoardResult configure(Map<String, Double> values) {
        double full = values.getOrDefault("fullCapacity", fullCapacity);
        double rest = values.getOrDefault("remainingCapacity", Math.min(remaining, full));
        double cyc = values.getOrDefault("cycleCount", (double) cycles);
        for (String key : values.keySet()) {
            if (!CONFIGURABLE.contains(key)) {
                return BoardResult.INVALID_VALUE;
            }
        }
        if (!(full >= 1 && full <= 4000) || !(rest >= 0 && rest <= full) || !(cyc >= 0 && cyc <= 65535)
                || cyc != Math.rint(cyc)) {
            return BoardResult.INVALID_VALUE;
        }
        fullCapacity = full;
        remaining = rest;
        cycles = (int) cyc;
        return BoardResult.DONE;
    }
}
