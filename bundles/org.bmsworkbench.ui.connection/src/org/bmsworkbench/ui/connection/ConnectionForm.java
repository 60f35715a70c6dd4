package org.bmsworkbench.ui.connection;

import java.util.List;
import java.util.Map;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.protocol.ProtocolCatalog;

/**
 * What the connection form holds, as text, turned into {@link BusSettings} with the connection bundle's own
 * checks, so a wrong field gets the same one-line message here as on the command line. Plain Java.
 *
 * @param kind     what the port choice is
 * @param port     the serial port's name (for {@link Kind#SERIAL}), or the gateway's host:port (for {@link Kind#TCP})
 * @param baud     baud rate as typed
 * @param format   serial format such as 8N1
 * @param protocol protocol id
 * @param packs    pack quantity, 1..16
 * @param first    the first pack's address; the packs sit at first, first+1, ...
 */
public record ConnectionForm(Kind kind, String port, String baud, String format, String protocol, int packs,
        int first) {

    /** The three kinds of line the form can open. */
    public enum Kind {
        SERIAL, TCP, SIMULATED
    }

    /** The rates the reference software offers, slowest first. */
    public static final List<String> BAUD_RATES = List.of("1200", "2400", "4800", "9600", "19200", "38400", "57600",
            "115200");

    public static final List<String> FORMATS = List.of("8N1", "8E1", "8O1", "8N2");

    /** The form a first start shows: the simulated bus of 8 packs. */
    public static ConnectionForm defaults() {
        return new ConnectionForm(Kind.SIMULATED, "", "115200", "8N1", ProtocolCatalog.DEFAULT_PROTOCOL, 8, 1);
    }

    /**
     * The settings to open.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public BusSettings toSettings() {
        int rate;
        try {
            rate = Integer.parseInt(baud.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("baud rate '" + baud + "' is not a number", e);
        }
        if (packs < 1 || packs > BusSettings.MAX_PACKS) {
            throw new IllegalArgumentException("pack quantity " + packs + " is outside 1.." + BusSettings.MAX_PACKS);
        }
        if (first < 1 || first + packs - 1 > 247) {
            throw new IllegalArgumentException("addresses " + first + ".." + (first + packs - 1) + " are outside 1..247");
        }
        Transport t = switch (kind) {
            case SERIAL -> {
                if (port == null || port.isBlank()) {
                    throw new IllegalArgumentException("choose a serial port");
                }
                yield Transport.Serial.of(port.trim(), rate, format);
            }
            case TCP -> Transport.Tcp.of(port == null ? "" : port.trim(), rate);
            // the simulator's link type lives in its own bundle: 176 cells and 33 sensors at the chosen rate
            case SIMULATED -> LinkCatalog.known().find("sim")
                    .orElseThrow(() -> new IllegalArgumentException("the simulated bus is not installed"))
                    .parse(null, Map.of("baud", String.valueOf(rate)));
        };
        return BusSettings.of(t, protocol, packs, first);
    }

    /** The form with the fields of {@code settings}, to show what a bus was opened with. */
    public static ConnectionForm of(BusSettings settings) {
        Transport t = settings.transport();
        int packs = settings.addresses().size();
        int first = settings.addresses().get(0);
        if (t instanceof Transport.Serial s) {
            return new ConnectionForm(Kind.SERIAL, s.name(), String.valueOf(s.baud()), s.format(),
                    settings.protocolId(), packs, first);
        }
        if (t instanceof Transport.Tcp g) {
            return new ConnectionForm(Kind.TCP, g.host() + ":" + g.port(), String.valueOf(g.baud() == 0 ? 9600 : g.baud()),
                    "8N1", settings.protocolId(), packs, first);
        }
        return new ConnectionForm(Kind.SIMULATED, "", String.valueOf(t.baud()), "8N1", settings.protocolId(), packs,
                first);
    }
}
