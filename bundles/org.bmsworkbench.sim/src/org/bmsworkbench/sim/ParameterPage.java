package org.bmsworkbench.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.ParameterDefinition;

/**
 * The parameter page a board works from: native keys, written only as a whole after the checks of
 * {@link BoardParameters}, so every other part of the pack may read it without checking it again.
 */
final class ParameterPage {

    private final Map<String, ParameterDefinition> definitions = new HashMap<>();
    private final Map<String, Double> defaults;
    private final Map<String, Double> values;

    /** @param definitions the native page whose ranges writes must respect (may be empty) */
    ParameterPage(PackSpec spec, List<ParameterDefinition> definitions) {
        for (ParameterDefinition d : definitions) {
            this.definitions.put(d.key(), d);
        }
        this.defaults = BoardParameters.defaults(spec);
        this.values = new LinkedHashMap<>(defaults);
        // commissioned like a pack on a test bench: a data record every 5 minutes (factory value 0 = none)
        values.put("storageInterval", 5.0);
    }

    /** A native value; NaN for a key the page does not have, so a comparison with it is simply false. */
    double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    boolean enabled(String key) {
        return get(key) >= 0.5;
    }

    /** A value by the native key or another protocol's name for it, in that protocol's sign. */
    double byAnyName(String key) {
        BoardParameters.Alias alias = BoardParameters.ALIASES.get(key);
        if (alias != null) {
            return get(alias.nativeKey()) * alias.sign();
        }
        return get(key);
    }

    int address() {
        return (int) Math.round(values.get("rs485Address"));
    }

    Map<String, Double> copy() {
        return new LinkedHashMap<>(values);
    }

    /** Stores {@code update} when the page it makes passes every check; the native values stored, or null. */
    Map<String, Double> write(Map<String, Double> update) {
        Map<String, Double> nativeUpdate = BoardParameters.toNative(update, values);
        if (nativeUpdate == null || problemWith(nativeUpdate) != null) {
            return null;
        }
        values.putAll(nativeUpdate);
        return nativeUpdate;
    }

    /** Why {@link #write} would refuse {@code update}, or null. */
    String problem(Map<String, Double> update) {
        Map<String, Double> nativeUpdate = BoardParameters.toNative(update, values);
        if (nativeUpdate == null) {
            return "unknown parameter in " + update.keySet();
        }
        return problemWith(nativeUpdate);
    }

    private String problemWith(Map<String, Double> nativeUpdate) {
        Map<String, Double> next = new LinkedHashMap<>(values);
        next.putAll(nativeUpdate);
        return BoardParameters.problem(next, definitions);
    }

    /** The factory page; the address stays, or the host would lose the board it just reset. */
    void restoreDefaults() {
        double address = values.get("rs485Address");
        values.clear();
        values.putAll(defaults);
        values.put("rs485Address", address);
    }
}
