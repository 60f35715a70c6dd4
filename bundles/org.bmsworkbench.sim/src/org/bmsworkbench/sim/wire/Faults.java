package org.bmsworkbench.sim.wire;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Which faults the line injects, switchable while it runs: each fault has a probability per request, and
 * a fault can be armed for the next request only. Decisions come from a seeded random source, so a seed
 * and the same request sequence give the same faults.
 * <p>
 * Text form: {@code drop=0.05,corrupt=0.02,delay=0.1@300,garbage=0.02,wrong-address=0.01,echo=1,
 * disconnect=0.001@5} (probability, then {@code @} the delay in ms or the disconnect time in s), or
 * {@code none}.
 */
public final class Faults {

    /** What happens to one request. */
    public record Decision(Set<Fault> faults, double delayMillis, double downSeconds) {
        public boolean has(Fault f) {
            return faults.contains(f);
        }
    }

    private static final double DEFAULT_DELAY_MILLIS = 300;
    private static final double DEFAULT_DOWN_SECONDS = 5;

    private final Random random;
    private final Map<Fault, Double> probability = new EnumMap<>(Fault.class);
    private final Map<Fault, Double> parameter = new EnumMap<>(Fault.class);
    private final EnumSet<Fault> armed = EnumSet.noneOf(Fault.class);

    public Faults(long seed) {
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** Replaces every probability with those of {@code spec}. */
    public synchronized void set(String spec) {
        Map<Fault, Double> p = new EnumMap<>(Fault.class);
        Map<Fault, Double> q = new EnumMap<>(Fault.class);
        parse(spec, p, q);
        probability.clear();
        probability.putAll(p);
        parameter.clear();
        parameter.putAll(q);
    }

    public synchronized void set(Fault fault, double p, double param) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(fault.key() + " probability " + p + " is outside 0..1");
        }
        probability.put(fault, p);
        if (!Double.isNaN(param)) {
            parameter.put(fault, param);
        }
    }

    public synchronized void clear() {
        probability.clear();
        armed.clear();
    }

    /** Injects {@code fault} into the next request only. */
    public synchronized void once(Fault fault) {
        armed.add(fault);
    }

    public synchronized Decision next() {
        EnumSet<Fault> chosen = EnumSet.copyOf(armed);
        armed.clear();
        for (Fault f : Fault.values()) {
            double p = probability.getOrDefault(f, 0.0);
            // always draw, so changing one fault's probability does not shift the others' sequence
            double r = random.nextDouble();
            if (r < p) {
                chosen.add(f);
            }
        }
        return new Decision(chosen, parameter.getOrDefault(Fault.DELAY, DEFAULT_DELAY_MILLIS),
                parameter.getOrDefault(Fault.DISCONNECT, DEFAULT_DOWN_SECONDS));
    }

    /** The random source of the faults' own choices (which byte to corrupt, what garbage). */
    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public synchronized String describe() {
        if (probability.values().stream().allMatch(p -> p == 0)) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Fault, Double> e : probability.entrySet()) {
            if (e.getValue() > 0) {
                Double q = parameter.get(e.getKey());
                parts.add(e.getKey().key() + "=" + e.getValue() + (q != null ? "@" + q : ""));
            }
        }
        return String.join(",", parts);
    }

    static void parse(String spec, Map<Fault, Double> p, Map<Fault, Double> q) {
        String s = spec.trim();
        if (s.isEmpty() || s.equals("none")) {
            return;
        }
        for (String part : s.split(",")) {
            String[] kv = part.split("=", 2);
            Fault f = Fault.parse(kv[0]);
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault '" + part + "' needs =<probability>, e.g. " + f.key()
                        + "=0.05");
            }
            String[] vp = kv[1].split("@", 2);
            double prob = number(vp[0], f.key() + " probability");
            if (!(prob >= 0 && prob <= 1)) {
                throw new IllegalArgumentException(f.key() + " probability " + prob + " is outside 0..1");
            }
            p.put(f, prob);
            if (vp.length == 2) {
                if (f != Fault.DELAY && f != Fault.DISCONNECT) {
                    throw new IllegalArgumentException(f.key() + " takes no @ value");
                }
                double v = number(vp[1], f.key() + (f == Fault.DELAY ? " delay" : " time"));
                if (!(v >= 0 && v <= 600_000)) {
                    throw new IllegalArgumentException(f.key() + " value " + v + " is outside 0..600000");
                }
                q.put(f, v);
            }
        }
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number", e);
        }
    }

    /** Checks a spec without applying it; returns the message of what is wrong, or null. */
    public static String problem(String spec) {
        try {
            parse(spec, new EnumMap<>(Fault.class), new EnumMap<>(Fault.class));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
