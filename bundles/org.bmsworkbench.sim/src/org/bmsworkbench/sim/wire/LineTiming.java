package org.bmsworkbench.sim.wire;

/**
 * How long bytes take on the simulated line: the baud rate, the bits of one character (start, data, parity,
 * stop) and the board's turnaround, the time from the end of a request to the start of its reply.
 *
 * @param baud             bits per second; 0 means no wire time at all (fast in-process tests)
 * @param bitsPerCharacter 10 for 8N1, 11 for 8E1 or 8N2
 * @param turnaroundMillis the board's reply latency
 */
public record LineTiming(int baud, int bitsPerCharacter, double turnaroundMillis) {

    public LineTiming {
        if (baud < 0 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " is outside 0..4000000");
        }
        if (bitsPerCharacter < 7 || bitsPerCharacter > 12) {
            throw new IllegalArgumentException(bitsPerCharacter + " bits per character is outside 7..12");
        }
        if (!(turnaroundMillis >= 0 && turnaroundMillis <= 10_000)) {
            throw new IllegalArgumentException("turnaround " + turnaroundMillis + " ms is outside 0..10000 ms");
        }
    }

    /** No wire time and no turnaround: replies are written as soon as they are built. */
    public static LineTiming none() {
        return new LineTiming(0, 10, 0);
    }

    /** A serial format such as {@code 8N1}, {@code 8E1} or {@code 8N2}. */
    public static int bitsPerCharacter(String format) {
        if (!format.matches("[78][NEOneo][12]")) {
            throw new IllegalArgumentException("serial format '" + format + "' is not like 8N1, 8E1 or 8N2");
        }
        int data = format.charAt(0) - '0';
        int parity = Character.toUpperCase(format.charAt(1)) == 'N' ? 0 : 1;
        int stop = format.charAt(2) - '0';
        return 1 + data + parity + stop;
    }

    /** Nanoseconds one character takes, 0 without wire time. */
    public long characterNanos() {
        return baud == 0 ? 0 : Math.round(bitsPerCharacter * 1e9 / baud);
    }

    public long turnaroundNanos() {
        return Math.round(turnaroundMillis * 1e6);
    }

    /**
     * Silence that ends a frame on the line: 3.5 characters, at least 1.75 ms as the Modbus serial line
     * specification fixes above 19200 baud, and never below 20 ms so a host whose write is split by its
     * operating system is not cut in two.
     */
    public long silenceNanos() {
        return Math.max(20_000_000L, Math.max(1_750_000L, characterNanos() * 7 / 2));
    }
}
