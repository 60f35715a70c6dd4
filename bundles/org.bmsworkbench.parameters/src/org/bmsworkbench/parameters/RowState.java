package org.bmsworkbench.parameters;

/** The state mark of one row of a {@link ParameterSheet}. */
public enum RowState {
    /** The entered value is the device value (or nothing was read yet and nothing entered). */
    UNCHANGED,
    /** A valid value that differs from the device value: it is sent by the next write. */
    CHANGED,
    /** The entered text or value cannot be sent: see {@link ParameterRow#message()}. */
    INVALID,
    /** After a write the device reads back another value than was sent (it clamped or refused it). */
    DIFFERS_AFTER_WRITE
}
