package org.bmsworkbench.parameters;

/**
 * A parameter whose read-back after a write is not what was sent: the board clamped it, refused it or changed
 * it.
 *
 * @param key      the parameter
 * @param label    its English label
 * @param written  the value sent, with its unit
 * @param readBack the value read back, with its unit; {@code nothing} when the page did not carry it
 */
public record ReadBackDifference(String key, String label, String written, String readBack) {

    /** {@code Charging current alarm: wrote 180.000 A, reads 150.000 A}. */
    public String text() {
        return label + ": wrote " + written + ", reads " + readBack;
    }
}
