package org.bmsworkbench.model;

/** What the pack was doing when a record was stored. */
public enum OperatingMode {
    CHARGE, DISCHARGE, IDLE, UNKNOWN
}
