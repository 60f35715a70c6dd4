package org.bmsworkbench.parameters;

/**
 * One value a write changes, for the confirmation.
 *
 * @param key      the parameter
 * @param label    its English label
 * @param oldValue the device value with its unit, e.g. {@code 3.550 V}; empty when never read
 * @param newValue the value to send with its unit
 */
public record Change(String key, String label, String oldValue, String newValue) {

    /** {@code Cell high voltage alarm: 3.550 V → 3.600 V}. */
    public String text() {
        return label + ": " + (oldValue.isEmpty() ? "?" : oldValue) + " \u2192 " + newValue;
    }
}
