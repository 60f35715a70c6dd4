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

    /** The form a first start shows: the simulated bus of 8 packs. */
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
        int quantity = whole("pack quantity", packs);
        if (quantity < 1 || quantity > BusSettings.MAX_PACKS) {
            throw new IllegalArgumentException("pack quantity " + quantity + " is outside 1.." + BusSettings.MAX_PACKS);
        }
        int from = whole("first address", first);
        if (from < 1 || from > MAX_ADDRESS) {
            throw new IllegalArgumentException("first address " + from + " is outside 1.." + MAX_ADDRESS);
        }
        if (from + quantity - 1 > MAX_ADDRESS) {
            throw new IllegalArgumentException("addresses " + from + ".." + (from + quantity - 1) + " are outside 1.."
                    + MAX_ADDRESS);
        }
        Transport t = switch (kind) {
            case SERIAL -> {
                if (port == null || port.isBlank()) {
                    throw new IllegalArgumentException("choose a serial port or type its name, e.g. /dev/ttyUSB0");
                }
                yield Transport.Serial.of(port.strip(), rate(), format);
            }
            case TCP -> Transport.Tcp.of(port == null ? "" : port.strip(), 0);
            // the simulator's link type lives in its own bundle: 176 cells and 33 sensors at the chosen rate
            case SIMULATED -> LinkCatalog.known().find("sim")
                    .orElseThrow(() -> new IllegalArgumentException("the simulated bus is not installed"))
                    .parse(null, Map.of("baud", String.valueOf(rate())));
        };
        return BusSettings.of(t, protocol, quantity, from);
    }

    private int rate() {
        return whole("baud rate", baud);
    }

    /** The digits as typed, nothing else: "x9", "9x", "1.5" and "" are refused, not read as something close. */
    private static int whole(String field, String text) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (!v.chars().allMatch(c -> c >= '0' && c <= '9') || v.length() > 9) {
            throw new IllegalArgumentException(field + " '" + v + "' is not a whole number");
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
