package org.bmsworkbench.connection;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** {@code serial:<port>} with {@code baud=} (default 9600) and {@code format=} (default 8N1): a port opened with jSerialComm. */
@Component(service = LinkProvider.class)
public final class SerialLinkProvider implements LinkProvider {

    @Override
    public String scheme() {
        return "serial";
    }

    @Override
    public String label() {
        return "Serial port";
    }

    @Override
    public String usage() {
        return "serial:<port>";
    }

    @Override
    public Set<String> options() {
        return Set.of("baud", "format");
    }

    @Override
    public Transport parse(String address, Map<String, String> options) {
        return Transport.Serial.of(address, BusSettings.intOption(options, "baud", 9600),
                options.getOrDefault("format", "8N1"));
    }

    @Override
    public Connector connector(Transport transport, LinkContext context) {
        return Connector.of(transport, context.connectTimeoutMillis());
    }
}
