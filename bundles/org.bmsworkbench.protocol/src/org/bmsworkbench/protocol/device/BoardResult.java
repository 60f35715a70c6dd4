package org.bmsworkbench.protocol.device;

/**
 * The outcome of a request a board carries out. The codes are the "last command result" codes of the
 * native protocol (docs/protocols/modbus-native.md, section 9.1); other protocols map them to their own
 * return codes.
 */
public enum BoardResult {
    DONE(0),
    /** CFET cannot be turned off while discharging. */
    REFUSED_CFET_WHILE_DISCHARGING(1),
    /** DFET cannot be turned off while charging. */
    REFUSED_DFET_WHILE_CHARGING(2),
    /** The function is disabled by its enable switch. */
    REFUSED_DISABLED(3),
    /** A protection or a detection fault holds the FET off. */
    REFUSED_PROTECTION(4),
    /** Current is flowing where the action needs none. */
    REFUSED_CURRENT_FLOWING(5),
    /** A long operation (erase, restore) is running. */
    BUSY(6),
    /** A calibration value outside its window around the measured value. */
    OUT_OF_WINDOW(7),
    /** Non-volatile memory or flash write failed. */
    MEMORY_FAILURE(8),
    /** Not allowed in the present state (firmware transfer state, image not verified). */
    NOT_ALLOWED(9),
    /** A value outside its range, a broken relation between parameters, an impossible date or text. */
    INVALID_VALUE(10);

    private final int code;

    BoardResult(int code) {
        this.code = code;
    }

    /** The native protocol's result code (0x0021); 10 is never stored there, it is an exception 03. */
    public int code() {
        return code;
    }

    public boolean ok() {
        return this == DONE;
    }
}
