package org.bmsworkbench.protocol;

/**
 * The control-test and maintenance actions of the reference host software. A device may refuse an action
 * whose interlock is not met (CFET cannot be turned off while discharging, DFET not while charging).
 */
public enum ControlAction {
    CFET_ON, CFET_OFF, DFET_ON, DFET_OFF, CHARGE_LIMIT_ON, CHARGE_LIMIT_OFF,
    /** Forced hibernation: the board shuts down and stops answering. */
    HIBERNATE,
    DELETE_HISTORY, DELETE_ALARMS, RESTORE_DEFAULTS
}
