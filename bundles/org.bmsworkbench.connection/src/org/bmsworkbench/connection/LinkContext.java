package org.bmsworkbench.connection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bmsworkbench.protocol.BmsProtocol;

/**
 * What a {@link LinkProvider} may need to make the connector of one bus.
 *
 * @param protocol             the protocol the bus speaks
 * @param protocols            every installed protocol by id (the simulator keeps the default protocol's parameter page)
 * @param addresses            the bus's pack addresses, in poll order
 * @param connectTimeoutMillis how long opening a network connection may take
 * @param log                  the bus's log, for messages of the line itself
 */
public record LinkContext(BmsProtocol protocol, Function<String, Optional<BmsProtocol>> protocols,
        List<Integer> addresses, int connectTimeoutMillis, Consumer<String> log) {

    public LinkContext {
        addresses = List.copyOf(addresses);
    }
}
