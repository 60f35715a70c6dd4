package org.bmsworkbench.protocol;

/** Turns raw wire integers into engineering values without binary noise (0.01 × 5280 is 52.8, not 52.800000000000004). */
public final class Scaling {

    private static final double DECIMALS = 1e6;

    private Scaling() {
    }

    /** {@code raw × scale + offset}, rounded to six decimals, finer than any BMS resolution. */
    public static double apply(long raw, double scale, double offset) {
        return Math.round((raw * scale + offset) * DECIMALS) / DECIMALS;
    }
}
