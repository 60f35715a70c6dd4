package org.bmsworkbench.control;

/** Why a write was not sent. Views turn each into a sentence in the user's language. */
public enum Refusal {
    /** The access gate is locked (or locked itself while the command waited). */
    LOCKED,
    /** The pack never answered: its state is not known. */
    NO_DATA,
    /** The pack's values are stale, or it did not answer the poll made just before sending. */
    NOT_CURRENT,
    /** The charge FET may not be switched off while the pack discharges. */
    DISCHARGING,
    /** The discharge FET may not be switched off while the pack charges. */
    CHARGING,
    /**
     * Current flows through the pack: hibernation, a current zero calibration and a firmware upgrade need it at rest.
     */
    CURRENT_FLOWING,
    /** A value is outside its limits or the pack cannot take it. */
    INVALID,
    /** The bus is not open, or the pack is not on it. */
    BUS_NOT_OPEN,
    /** The audit log cannot be written, so the write could not be put on record. */
    NOT_ON_RECORD,
    /** The bus replays a recording: there is no pack on the other end to send anything to. */
    REPLAY,
    /** The bus's protocol has no such write (a read-only vendor protocol, a control it lacks). */
    UNSUPPORTED;

    /**
     * Whether the refusal stands whatever the pack says or does (the bus's protocol, a replay), so that a view may
     * grey the write out instead of offering it.
     */
    public boolean standing() {
        return this == UNSUPPORTED || this == REPLAY;
    }
}
