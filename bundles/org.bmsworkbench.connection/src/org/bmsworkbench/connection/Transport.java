package org.bmsworkbench.connection;

import java.util.Locale;

/** What a bus runs on: a serial port, a TCP RS485 gateway, or the simulator inside the workbench. */
public sealed interface Transport {

    /** For people and the status line, e.g. "/dev/ttyUSB0 9600 8N1". */
    String label();

    /** Baud rate the line's timing follows (inter-frame gaps); 0 when there is no serial line to time. */
    int baud();

    /** Bits per character on the line: start + data + parity + stop. */
    int bitsPerCharacter();

    /** A serial port opened with jSerialComm. */
    record Serial(String name, int baud, int dataBits, char parity, int stopBits) implements Transport {

        public Serial {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the serial port has no name");
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
        public String label() {
            return name + " " + baud + " " + format();
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
        public String label() {
            return "tcp " + host + ":" + port;
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

    /**
     * The simulator in the same process: packs at the bus's addresses with the given cells and sensors.
     *
     * @param cells      cells per pack, 1..176
     * @param sensors    temperature sensors per pack, 0..33
     * @param seed       seed of the packs' spread and the faults
     * @param speed      simulated seconds per real second
     * @param baud       the emulated line's baud rate (0: no line timing)
     * @param turnaround the boards' reply delay in milliseconds
     */
    record Simulated(int cells, int sensors, long seed, double speed, int baud, double turnaround) implements Transport {

        public Simulated {
            if (cells < 1 || cells > 176) {
                throw new IllegalArgumentException(cells + " cells is outside 1..176");
            }
            if (sensors < 0 || sensors > 33) {
                throw new IllegalArgumentException(sensors + " temperature sensors is outside 0..33");
            }
            if (!(speed > 0) || speed > 100_000) {
                throw new IllegalArgumentException("simulation speed " + speed + " is outside (0, 100000]");
            }
            if (baud < 0 || baud > 4_000_000) {
                throw new IllegalArgumentException("baud rate " + baud + " is outside 0..4000000");
            }
            if (!(turnaround >= 0) || turnaround > 10_000) {
                throw new IllegalArgumentException("turnaround " + turnaround + " ms is outside 0..10000");
            }
        }

        /** 176 cells and 33 sensors at 115200 baud with a 10 ms turnaround, in real time. */
        public static Simulated typical() {
            return new Simulated(176, 33, 1, 1, 115_200, 10);
        }

        @Override
        public String label() {
            return org.bmsworkbench.events.BusStatus.SIMULATED_LABEL;
        }

        @Override
        public int bitsPerCharacter() {
            return 10;
        }
    }
}
