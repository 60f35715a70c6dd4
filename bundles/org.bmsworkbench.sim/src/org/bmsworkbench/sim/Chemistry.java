package org.bmsworkbench.sim;

/**
 * Cell chemistry: the open-circuit voltage curve and the voltages a board's factory parameters are set
 * around. Curves are typical resting values of commercial cells at 25 °C.
 */
public enum Chemistry {
    /** Lithium iron phosphate: a long flat plateau, steep only at the ends. */
    LFP(new double[] {0, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 100},
            new double[] {2.50, 2.90, 3.10, 3.20, 3.25, 3.275, 3.29, 3.30, 3.31, 3.32, 3.33, 3.34, 3.36, 3.40, 3.50},
            3.2),
    /** Nickel manganese cobalt: voltage rises steadily with charge. */
    NMC(new double[] {0, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100},
            new double[] {3.00, 3.30, 3.45, 3.55, 3.62, 3.68, 3.74, 3.82, 3.90, 3.98, 4.07, 4.12, 4.18},
            3.7);

    private final double[] soc;
    private final double[] volts;
    private final double nominal;

    Chemistry(double[] soc, double[] volts, double nominal) {
        this.soc = soc;
        this.volts = volts;
        this.nominal = nominal;
    }

    /** Resting cell voltage at {@code socPercent} (clamped to 0..100). */
    public double ocv(double socPercent) {
        double s = Math.max(0, Math.min(100, socPercent));
        for (int i = 1; i < soc.length; i++) {
            if (s <= soc[i]) {
                double f = (s - soc[i - 1]) / (soc[i] - soc[i - 1]);
                return volts[i - 1] + f * (volts[i] - volts[i - 1]);
            }
        }
        return volts[volts.length - 1];
    }

    public double nominalVoltage() {
        return nominal;
    }

    /** The cell voltage a charger stops at (full charge). */
    public double fullChargeVoltage() {
        return this == LFP ? 3.55 : 4.15;
    }

    public static Chemistry parse(String text) {
        for (Chemistry c : values()) {
            if (c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chemistry '" + text + "' (lfp or nmc)");
    }
}
