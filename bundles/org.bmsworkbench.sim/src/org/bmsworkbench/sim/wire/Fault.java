package org.bmsworkbench.sim.wire;

import java.util.Locale;

/** A wire fault the simulator can inject into its answers. */
public enum Fault {
    /** No reply at all. */
    DROP,
    /** One bit of the reply is flipped. */
    CORRUPT,
    /** The reply comes late, by the fault's parameter in milliseconds. */
    DELAY,
    /** Random bytes before the reply. */
    GARBAGE,
    /** The reply carries another board's address (with a good checksum). */
    WRONG_ADDRESS,
    /** The request comes back first, as from an adapter that hears itself. */
    ECHO,
    /** The line goes away for the fault's parameter in seconds. */
    DISCONNECT;

    /** The spelling on the command line: {@code drop}, {@code wrong-address}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Fault parse(String key) {
        for (Fault f : values()) {
            if (f.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + key
                + "' (drop, corrupt, delay, garbage, wrong-address, echo, disconnect)");
    }
}
