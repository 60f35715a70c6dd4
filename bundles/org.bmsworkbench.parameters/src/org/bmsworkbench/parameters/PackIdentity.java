package org.bmsworkbench.parameters;

/**
 * Which pack a parameter file was saved from, as far as it is known.
 *
 * @param model       the pack's model text, empty when unknown
 * @param barCode     its bar code, empty when unknown
 * @param cellCount   cells in series, 0 when unknown
 * @param sensorCount cell temperature sensors, 0 when unknown
 */
public record PackIdentity(String model, String barCode, int cellCount, int sensorCount) {

    public static final PackIdentity UNKNOWN = new PackIdentity("", "", 0, 0);

    public PackIdentity {
        model = model == null ? "" : model;
        barCode = barCode == null ? "" : barCode;
    }
}
