package org.bmsworkbench.ui.connection;

import java.util.List;
import java.util.Map;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.protocol.ProtocolCatalog;

/**
 * What the connection form holds, as typed, turned into {@link BusSettings} with the connection bundle's own
 * checks, so a wrong field gets the same one-line message here as on the command line. Nothing is corrected
 * silently: a number that is not a whole number or is out of range is refused, not clamped. Plain Java.
 *
 * @param kind     what the port choice is
 * @param port     the serial port's name, as chosen or typed (for {@link Kind#SERIAL}), or the gateway's host:port
 *                 (for {@link Kind#TCP})
 * @param baud     baud rate as typed; a TCP gateway has none (its RS485 side is set on the gateway)
 * @param format   serial format such as 8N1
 * @param protocol protocol id
 * @param packs    pack quantity as typed, 1..16
 * @param first    the first pack's address as typed; the packs sit at first, first+1, ...
 */
public record ConnectionForm(Kind kind, String port, String baud, String format, String protocol, String packs,
        String first) {

    /** The three kinds of line the form can open. */
    public enum Kind {
        SERIAL, TCP, SIMULATED
    }

    /** The rates the reference software offers, slowest first. */
    public static final List<String> BAUD_RATES = List.of("1200", "2400", "4800", "9600", "19200", "38400", "57600",
            "115200");

    public static final List<String> FORMATS = List.of("8N1", "8E1", "8O1", "8N2");

    /** The highest address on an RS485 bus. */
    public static final int MAX_ADDRESS = 247;

    /**
     * What is wrong with a field, with its English sentence as the message; the view words it in the user's
     * language ({@link Messages#problem}).
     */
    public static final class Problem extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** The kinds of problem; the arguments of each are strings, numbers already written out. */
        public enum Kind {
            /** {0} field */
            EMPTY("{0} is empty"),
            /** {0} field, {1} text */
            NOT_WHOLE("{0} ''{1}'' is not a whole number"),
            /** {0} quantity, {1} most */
            PACKS_OUTSIDE("pack quantity {0} is outside 1..{1}"),
            /** {0} address, {1} highest */
            FIRST_OUTSIDE("first address {0} is outside 1..{1}"),
            /** {0} first, {1} last, {2} highest */
            ADDRESSES_OUTSIDE("addresses {0}..{1} are outside 1..{2}"),
            NO_PORT("choose a serial port or type its name, e.g. /dev/ttyUSB0"),
            NO_SIMULATOR("the simulated bus is not installed");

            private final String english;

            Kind(String english) {
                this.english = english;
            }
        }

        /** The fields a problem names. */
        public enum Field {
            PACKS("pack quantity"), FIRST("first address"), BAUD("baud rate");

            private final String english;

            Field(String english) {
                this.english = english;
            }
        }

        private final Kind kind;
        private final transient Object[] args;

        Problem(Kind kind, Object... args) {
            super(new java.text.MessageFormat(kind.english, java.util.Locale.ROOT).format(english(args)));
            this.kind = kind;
            this.args = args.clone();
        }

        private static Object[] english(Object[] args) {
            Object[] out = args.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof Field f) {
                    out[i] = f.english;
                }
            }
            return out;
        }

        public Kind kind() {
            return kind;
        }

        /** The arguments: a {@link Field} or a string. */
        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * The baud rate to put in the form for a protocol: its boards' usual one, on a serial port whose baud rate the
     * user has not chosen; empty to leave the form as it is (a gateway sets its RS485 side itself, the simulator
     * takes any).
     *
     * @param usual the protocol's usual baud rate, {@code null} when nothing says
     */
    public static java.util.Optional<String> suggestedBaud(Kind kind, boolean chosen, Integer usual) {
        return kind == Kind.SERIAL && !chosen && usual != null ? java.util.Optional.of(usual.toString())
                : java.util.Optional.empty();
    }

    /** The form a first start shows: the simulated bus of 8 packs. */
    public static ConnectionForm defaults() {
        return new ConnectionForm(Kind.SIMULATED, "", "115200", "8N1", ProtocolCatalog.DEFAULT_PROTOCOL, "8", "1");
    }

    /** Whether the baud rate field applies: not for a TCP gateway. */
    public boolean hasBaud() {
        return kind != Kind.TCP;
    }

    /** Whether the serial format field applies: only for a serial port. */
    public boolean hasFormat() {
        return kind == Kind.SERIAL;
    }

    /**
     * The settings to open.
     *
     * @throws IllegalArgumentException saying which field is wrong, in one line
     */
    public BusSettings toSettings() {
        int quantity = whole(Problem.Field.PACKS, packs);
        if (quantity < 1 || quantity > BusSettings.MAX_PACKS) {
            throw new Problem(Problem.Kind.PACKS_OUTSIDE, String.valueOf(quantity), String.valueOf(BusSettings.MAX_PACKS));
        }
        int from = whole(Problem.Field.FIRST, first);
        if (from < 1 || from > MAX_ADDRESS) {
            throw new Problem(Problem.Kind.FIRST_OUTSIDE, String.valueOf(from), String.valueOf(MAX_ADDRESS));
        }
        if (from + quantity - 1 > MAX_ADDRESS) {
            throw new Problem(Problem.Kind.ADDRESSES_OUTSIDE, String.valueOf(from), String.valueOf(from + quantity - 1),
                    String.valueOf(MAX_ADDRESS));
        }
        Transport t = switch (kind) {
            case SERIAL -> {
                if (port == null || port.isBlank()) {
                    throw new Problem(Problem.Kind.NO_PORT);
                }
                yield Transport.Serial.of(port.strip(), rate(), format);
            }
            case TCP -> Transport.Tcp.of(port == null ? "" : port.strip(), 0);
            // the simulator's link type lives in its own bundle: 176 cells and 33 sensors at the chosen rate
            case SIMULATED -> LinkCatalog.known().find("sim")
                    .orElseThrow(() -> new Problem(Problem.Kind.NO_SIMULATOR))
                    .parse(null, Map.of("baud", String.valueOf(rate())));
        };
        return BusSettings.of(t, protocol, quantity, from);
    }

    private int rate() {
        return whole(Problem.Field.BAUD, baud);
    }

    /** The digits as typed, nothing else: "x9", "9x", "1.5" and "" are refused, not read as something close. */
    private static int whole(Problem.Field field, String text) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            throw new Problem(Problem.Kind.EMPTY, field);
        }
        if (!v.chars().allMatch(c -> c >= '0' && c <= '9') || v.length() > 9) {
            throw new Problem(Problem.Kind.NOT_WHOLE, field, v);
        }
        return Integer.parseInt(v);
    }

    /** The form with the fields of {@code settings}, to show what a bus was opened with. */
    public static ConnectionForm of(BusSettings settings) {
        Transport t = settings.transport();
        String packs = String.valueOf(settings.addresses().size());
        String first = String.valueOf(settings.addresses().get(0));
        if (t instanceof Transport.Serial s) {
            return new ConnectionForm(Kind.SERIAL, s.name(), String.valueOf(s.baud()), s.format(),
                    settings.protocolId(), packs, first);
        }
        if (t instanceof Transport.Tcp g) {
            return new ConnectionForm(Kind.TCP, g.host() + ":" + g.port(), g.baud() == 0 ? "" : String.valueOf(g.baud()),
                    "8N1", settings.protocolId(), packs, first);
        }
        return new ConnectionForm(Kind.SIMULATED, "", String.valueOf(t.baud()), "8N1", settings.protocolId(), packs,
                first);
    }
}
