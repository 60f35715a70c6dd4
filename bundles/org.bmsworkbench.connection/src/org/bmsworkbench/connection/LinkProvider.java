package org.bmsworkbench.connection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of line a bus can run on (serial port, TCP gateway, the simulator, later CAN or UDP), registered as
 * protocols are: as a DS component ({@code @Component(service = LinkProvider.class)}) for the workbench, and in
 * {@code META-INF/services/org.bmsworkbench.connection.LinkProvider} for {@link java.util.ServiceLoader}, which
 * the command-line tools use without OSGi ({@link LinkCatalog#fromClassPath}). A provider turns its part of a
 * bus spec ({@code serial:/dev/ttyUSB0,baud=9600}) into a {@link Transport} and makes the {@link Connector} that
 * opens it; the transport carries what the line's timing needs ({@link Transport#baud()},
 * {@link Transport#bitsPerCharacter()}). Providers are stateless and thread-safe.
 */
public interface LinkProvider {

    /** What a bus spec starts with, e.g. {@code serial} in {@code serial:/dev/ttyUSB0}; lower case, no colon. */
    String scheme();

    /** For people, e.g. "Serial port". */
    String label();

    /** How the spec's line part is written, for messages: {@code serial:<port>}, or {@code sim} when it needs nothing. */
    String usage();

    /** True for a line that reaches no real device (the in-process simulator): the views mark its buses. */
    default boolean simulated() {
        return false;
    }

    /** The spec options this link reads, besides the bus's own (protocol, packs, addresses, timing). */
    Set<String> options();

    /**
     * Makes the transport of a spec.
     *
     * @param address what follows {@code scheme:} in the spec; null when the spec is the scheme alone
     * @param options the spec's options by lower-case name (the bus's own among them); read them with
     *                {@link BusSettings#intOption} and {@link BusSettings#doubleOption} for the usual messages
     * @throws IllegalArgumentException saying what is wrong, in one line
     */
    Transport parse(String address, Map<String, String> options);

    /** The pack quantity the address part stands for when no packs or addresses option is given ({@code sim:8}). */
    default Optional<String> packs(String address) {
        return Optional.empty();
    }

    /**
     * The connector of a bus on one of this provider's transports; it lives as long as the bus.
     *
     * @throws IllegalArgumentException when the bus cannot run on this link (the message says why)
     */
    Connector connector(Transport transport, LinkContext context);
}
