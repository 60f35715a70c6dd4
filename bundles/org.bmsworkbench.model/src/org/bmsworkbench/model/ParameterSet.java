package org.bmsworkbench.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's parameter page: definitions in page order with their values. Immutable. Values a person enters
 * go through {@link #with(String, double)} and are range-checked there; values read from a device are kept
 * as read, and {@link #problem()} says whether the set can be written.
 */
public final class ParameterSet {

    private final Map<String, ParameterDefinition> definitions;
    private final Map<String, Double> values;

    private ParameterSet(Map<String, ParameterDefinition> definitions, Map<String, Double> values) {
        this.definitions = Collections.unmodifiableMap(definitions);
        this.values = Collections.unmodifiableMap(values);
    }

    /** An empty set over these definitions (no value known yet). */
    public static ParameterSet of(List<ParameterDefinition> definitions) {
        Map<String, ParameterDefinition> byKey = new LinkedHashMap<>();
        for (ParameterDefinition d : definitions) {
            if (byKey.put(d.key(), d) != null) {
                throw new IllegalArgumentException("parameter " + d.key() + " is defined twice");
            }
        }
        return new ParameterSet(byKey, new LinkedHashMap<>());
    }

    public List<ParameterDefinition> definitions() {
        return new ArrayList<>(definitions.values());
    }

    public ParameterDefinition definition(String key) {
        ParameterDefinition d = definitions.get(key);
        if (d == null) {
            throw new IllegalArgumentException("no parameter named " + key);
        }
        return d;
    }

    public boolean hasValue(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}, or {@code NaN} when it is not known. */
    public double value(String key) {
        definition(key);
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    /** Values that are known, in page order. */
    public Map<String, Double> values() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String key : definitions.keySet()) {
            Double v = values.get(key);
            if (v != null) {
                ordered.put(key, v);
            }
        }
        return ordered;
    }

    /**
     * This set with {@code key} set to {@code value} rounded to its resolution.
     *
     * @throws IllegalArgumentException with a message for the user when the value is out of range
     */
    public ParameterSet with(String key, double value) {
        ParameterDefinition d = definition(key);
        String problem = d.problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(key, Math.min(d.maximum(), Math.max(d.minimum(), d.round(value))));
        return new ParameterSet(new LinkedHashMap<>(definitions), copy);
    }

    /**
     * This set with {@code key} holding {@code value} as read from a device, which may lie outside the
     * range this program accepts for writing; such a value must be corrected before the set is written.
     *
     * @throws IllegalArgumentException when the value is not a finite number
     */
    public ParameterSet withReadValue(String key, double value) {
        definition(key);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + ": not a number");
        }
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new ParameterSet(new LinkedHashMap<>(definitions), copy);
    }

    /** Why this set cannot be written as it is (a missing or out-of-range value), or {@code null}. */
    public String problem() {
        for (ParameterDefinition d : definitions.values()) {
            Double v = values.get(d.key());
            if (v == null) {
                return d.label() + ": no value";
            }
            String problem = d.problemWith(v);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && definitions.equals(p.definitions) && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return definitions.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterSet" + values();
    }
}
