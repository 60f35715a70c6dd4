package org.bmsworkbench.connection;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** {@code tcp:<host>:<port>} with {@code baud=} of the RS485 side (default 0: not known): an RS485-to-Ethernet gateway. */
@Component(service = LinkProvider.class)
public final class TcpLinkProvider implements LinkProvider {

    @Override
    public String scheme() {
        return "tcp";
    }

    @Override
    public String label() {
        return "TCP gateway";
    }

    @Override
    public String usage() {
        return "tcp:<host>:<port>";
    }

    @Override
    public Set<String> options() {
        return Set.of("baud");
    }

    @Override
    public Transport parse(String address, Map<String, String> options) {
        return Transport.Tcp.of(address, BusSettings.intOption(options, "baud", 0));
    }

    @Override
    public Connector connector(Transport transport, LinkContext context) {
        return Connector.of(transport, context.connectTimeoutMillis());
    }
}
