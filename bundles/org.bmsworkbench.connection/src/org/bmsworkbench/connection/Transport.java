package org.bmsworkbench.connection;

import java.util.Locale;

/**
 * What a bus runs on: a serial port, a TCP RS485 gateway, or any other line a {@link LinkProvider} offers (the
 * simulator's lives in the simulator's bundle). A transport is a value: equal transports are the same line.
 */
public interface Transport {

    /** The {@link LinkProvider#scheme()} of the provider that made it and opens it. */
    String scheme();

    /** For people and the status line, e.g. "/dev/ttyUSB0 9600 8N1". */
    String label();

    /** Baud rate the line's timing follows (inter-frame gaps); 0 when there is no serial line to time. */
    int baud();

    /** Bits per character on the line: start + data + parity + stop. */
    int bitsPerCharacter();

    /** The line part of a bus spec with this transport's options, read back by its provider: {@code serial:/dev/ttyUSB0,baud=9600,format=8N1}. */
    String spec();

    /** True for a line that reaches no real device (the in-process simulator). */
    default boolean simulated() {
        return false;
    }

    /** A serial port opened with jSerialComm. */
    record Serial(String name, int baud, int dataBits, char parity, int stopBits) implements Transport {

        public Serial {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the serial port has no name");
            }
            // a bus spec separates its options with commas: a name with one could not be read back
            if (name.contains(",") || !name.strip().equals(name) || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("serial port '" + name
                        + "': a port name has no comma, control character or space at either end, e.g. /dev/ttyUSB0 or COM3");
            }
            if (baud < 300 || baud > 4_000_000) {
                throw new IllegalArgumentException("baud rate " + baud + " is outside 300..4000000");
            }
            if (dataBits < 7 || dataBits > 8) {
                throw new IllegalArgumentException(dataBits + " data bits: 7 or 8");
            }
            parity = Character.toUpperCase(parity);
            if (parity != 'N' && parity != 'E' && parity != 'O') {
                throw new IllegalArgumentException("parity '" + parity + "': N, E or O");
            }
            if (stopBits != 1 && stopBits != 2) {
                throw new IllegalArgumentException(stopBits + " stop bits: 1 or 2");
            }
        }

        /** "8N1" and the like, as the serial settings are usually written. */
        public String format() {
            return "" + dataBits + parity + stopBits;
        }

        @Override
        public String scheme() {
            return "serial";
        }

        @Override
        public String label() {
            return name + " " + baud + " " + format();
        }

        @Override
        public String spec() {
            return "serial:" + name + ",baud=" + baud + ",format=" + format();
        }

        @Override
        public int bitsPerCharacter() {
            return 1 + dataBits + (parity == 'N' ? 0 : 1) + stopBits;
        }

        /** Parses "8N1", "8E1", "7O2" ... */
        public static Serial of(String name, int baud, String format) {
            String f = format == null ? "" : format.trim().toUpperCase(Locale.ROOT);
            if (f.length() != 3 || !Character.isDigit(f.charAt(0)) || !Character.isDigit(f.charAt(2))) {
                throw new IllegalArgumentException("serial format '" + format + "': data bits, parity, stop bits, e.g. 8N1");
            }
            return new Serial(name, baud, f.charAt(0) - '0', f.charAt(1), f.charAt(2) - '0');
        }
    }

    /**
     * An RS485-to-Ethernet gateway passing the serial bytes through (raw RTU or ASCII over TCP).
     *
     * @param baud the baud rate of the RS485 side, for the inter-frame gap; 0 when not known
     */
    record Tcp(String host, int port, int baud) implements Transport {

        public Tcp {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the gateway has no host name");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port " + port + " is outside 1..65535");
            }
            if (baud < 0 || baud > 4_000_000) {
                throw new IllegalArgumentException("baud rate " + baud + " is outside 0..4000000");
            }
        }

        @Override
        public String scheme() {
            return "tcp";
        }

        @Override
        public String label() {
            return "tcp " + host + ":" + port;
        }

        @Override
        public String spec() {
            return "tcp:" + host + ":" + port + (baud > 0 ? ",baud=" + baud : "");
        }

        @Override
        public int bitsPerCharacter() {
            return 10;
        }

        /** Parses "host:port". */
        public static Tcp of(String hostPort, int baud) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("gateway '" + hostPort + "': host:port, e.g. 192.168.1.200:4196");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gateway '" + hostPort + "': the port is not a number", e);
            }
            return new Tcp(hostPort.substring(0, colon), port, baud);
        }
    }
}
