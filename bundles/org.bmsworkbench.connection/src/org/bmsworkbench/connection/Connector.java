package org.bmsworkbench.connection;

import java.io.IOException;

/**
 * Opens the port of one bus, again after each loss. It lives as long as the bus: the simulated bus keeps
 * its packs between reconnections, as a real rack keeps running while its adapter is replugged. A
 * {@link LinkProvider} makes it.
 */
public interface Connector extends AutoCloseable {

    /** A newly opened port. */
    Port open() throws IOException;

    /** Releases what outlives single ports (the simulator); ports already open are closed by the bus. */
    @Override
    default void close() {
    }

    /** The connector of a serial or TCP transport; other transports get theirs from their {@link LinkProvider}. */
    static Connector of(Transport transport, int connectTimeoutMillis) {
        if (transport instanceof Transport.Serial s) {
            return () -> Ports.serial(s.name(), s.baud(), s.dataBits(), s.parity(), s.stopBits());
        }
        if (transport instanceof Transport.Tcp t) {
            return () -> Ports.tcp(t.host(), t.port(), connectTimeoutMillis);
        }
        throw new IllegalArgumentException(transport.label() + " needs the connector of its link provider '"
                + transport.scheme() + "'");
    }
}
