package org.bmsworkbench.protocol.setup;

/**
 * A board's capacity counters as the System Configuration page shows them.
 *
 * @param fullAh     full capacity now
 * @param residualAh residual capacity now
 * @param cycles     charge-discharge cycles counted
 */
public record Capacity(double fullAh, double residualAh, int cycles) {
}
