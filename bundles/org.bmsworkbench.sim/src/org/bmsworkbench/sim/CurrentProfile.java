package org.bmsworkbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the charger and the load ask of a pack over time, in amperes (positive = charge). The pack decides
 * what actually flows: open FETs carry nothing and the charge limiter caps charging.
 * <p>
 * Text form (the {@code --profile} option): {@code rest}; {@code charge:50} or {@code discharge:80}
 * (constant); {@code cycle} or {@code cycle:0.5} (charge at C-rate to full with a taper, rest 30 min,
 * discharge at C-rate to 10 % SOC, rest 30 min, repeat); or steps repeated forever, e.g.
 * {@code charge:50:2h,rest:30m,discharge:40:3h}.
 */
public abstract sealed class CurrentProfile {

    /** What a profile can see of its pack. */
    public interface PackView {
        double soc();

        double maxCellVoltage();

        double designCapacity();

        double fullChargeCellVoltage();

        boolean fullCharge();

        boolean chargeBlocked();

        boolean dischargeBlocked();
    }

    /** The current asked for after {@code dt} more seconds. */
    public abstract double current(PackView pack, double dt);

    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    public static CurrentProfile rest() {
        return new Constant(0);
    }

    public static CurrentProfile constant(double amps) {
        return new Constant(amps);
    }

    public static CurrentProfile cycle(double cRate) {
        return new Cycle(cRate);
    }

    /** A cycle that starts with the discharge instead of the charge, for packs out of phase. */
    public static CurrentProfile cycle(double cRate, boolean dischargeFirst) {
        Cycle c = new Cycle(cRate);
        if (dischargeFirst) {
            c.phase = 2;
        }
        return c;
    }

    /** Reads the text form; the message of the exception says what is wrong. */
    public static CurrentProfile parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("rest")) {
            return rest();
        }
        if (t.equals("cycle")) {
            return cycle(0.5);
        }
        if (t.startsWith("cycle:")) {
            double c = number(t.substring(6), "C-rate");
            if (c <= 0 || c > 3) {
                throw new IllegalArgumentException("cycle C-rate " + c + " is outside 0..3");
            }
            return cycle(c);
        }
        if (!t.contains(",") && t.split(":").length == 2) {
            return constant(step(t + ":1h").amps);
        }
        List<Step> steps = new ArrayList<>();
        for (String part : t.split(",")) {
            steps.add(step(part.trim()));
        }
        return new Steps(steps);
    }

    private static Step step(String part) {
        String[] f = part.split(":");
        if (f[0].equals("rest") && f.length == 2) {
            return new Step(0, duration(f[1]));
        }
        if (f.length != 3 || !(f[0].equals("charge") || f[0].equals("discharge"))) {
            throw new IllegalArgumentException("profile step '" + part
                    + "' is not charge:<A>:<time>, discharge:<A>:<time> or rest:<time>");
        }
        double amps = number(f[1].replace("a", ""), "current");
        if (amps < 0 || amps > 2000) {
            throw new IllegalArgumentException("current " + amps + " A is outside 0..2000 A");
        }
        return new Step(f[0].equals("charge") ? amps : -amps, duration(f[2]));
    }

    private static double duration(String text) {
        char unit = text.charAt(text.length() - 1);
        double factor = switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> throw new IllegalArgumentException("duration '" + text + "' needs a unit: s, m, h or d");
        };
        double v = number(text.substring(0, text.length() - 1), "duration") * factor;
        if (v <= 0) {
            throw new IllegalArgumentException("duration '" + text + "' is not positive");
        }
        return v;
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number", e);
        }
    }

    static final class Constant extends CurrentProfile {
        private final double amps;

        Constant(double amps) {
            this.amps = amps;
        }

        @Override
        public double current(PackView pack, double dt) {
            return amps;
        }

        @Override
        public String describe() {
            return amps == 0 ? "rest" : (amps > 0 ? "charge:" : "discharge:") + fmt(Math.abs(amps));
        }
    }

    record Step(double amps, double seconds) {
    }

    static final class Steps extends CurrentProfile {
        private final List<Step> steps;
        private int index;
        private double elapsed;

        Steps(List<Step> steps) {
            this.steps = List.copyOf(steps);
        }

        @Override
        public double current(PackView pack, double dt) {
            elapsed += dt;
            while (elapsed >= steps.get(index).seconds) {
                elapsed -= steps.get(index).seconds;
                index = (index + 1) % steps.size();
            }
            return steps.get(index).amps;
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Step s : steps) {
                String time = fmt(s.seconds / 60) + "m";
                parts.add(s.amps == 0 ? "rest:" + time
                        : (s.amps > 0 ? "charge:" : "discharge:") + fmt(Math.abs(s.amps)) + ":" + time);
            }
            return String.join(",", parts);
        }
    }

    /** Charge to full (constant current, then a taper near the top), rest, discharge to 10 %, rest. */
    public static final class Cycle extends CurrentProfile {
        private static final double REST_SECONDS = 1800;
        private final double cRate;
        private int phase;
        private double phaseTime;

        Cycle(double cRate) {
            this.cRate = cRate;
        }

        public double cRate() {
            return cRate;
        }

        @Override
        public double current(PackView pack, double dt) {
            phaseTime += dt;
            double amps = cRate * pack.designCapacity();
            switch (phase) {
                case 0 -> {
                    double headroom = pack.fullChargeCellVoltage() - pack.maxCellVoltage();
                    if (pack.fullCharge() || headroom <= 0.005) {
                        next();
                        return 0;
                    }
                    // an open CFET does not unplug the charger: it stays on the port (AC in, the heater's supply)
                    // and the charge goes on when the FET closes again
                    // constant-voltage phase of a real charger: the current falls as the top cell nears its limit
                    return headroom < 0.05 ? amps * Math.max(0.05, headroom / 0.05) : amps;
                }
                case 1, 3 -> {
                    if (phaseTime >= REST_SECONDS) {
                        next();
                    }
                    return 0;
                }
                default -> {
                    if (pack.soc() <= 10 || pack.dischargeBlocked()) {
                        next();
                        return 0;
                    }
                    return -amps;
                }
            }
        }

        private void next() {
            phase = (phase + 1) % 4;
            phaseTime = 0;
        }

        @Override
        public String describe() {
            return "cycle:" + fmt(cRate);
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
