package org.bmsworkbench.sim.link;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Connector;
import org.bmsworkbench.connection.LinkContext;
import org.bmsworkbench.connection.LinkProvider;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.osgi.service.component.annotations.Component;

/**
 * {@code sim} or {@code sim:<packs>}, with {@code cells=}, {@code temps=}, {@code baud=}, {@code speed=},
 * {@code seed=} and {@code profile=}: the simulated bus inside the workbench ({@link SimulatedConnector}). Its packs
 * charge and discharge ({@code cycle}, each pack at another point of the cycle) unless {@code profile=rest} or
 * another profile is given.
 */
@Component(service = LinkProvider.class)
public final class SimLinkProvider implements LinkProvider {

    public static final String SCHEME = "sim";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public String label() {
        return "Simulated bus";
    }

    @Override
    public String usage() {
        return SCHEME;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Set<String> options() {
        return Set.of("cells", "temps", "speed", "seed", "baud", "profile", "records");
    }

    @Override
    public Transport parse(String address, Map<String, String> o) {
        SimulatedTransport base = SimulatedTransport.typical();
        return new SimulatedTransport(BusSettings.intOption(o, "cells", base.cells()),
                BusSettings.intOption(o, "temps", base.sensors()), BusSettings.intOption(o, "seed", (int) base.seed()),
                BusSettings.doubleOption(o, "speed", base.speed()), BusSettings.intOption(o, "baud", base.baud()),
                base.turnaround(), o.getOrDefault("profile", base.profile()), BusSettings.intOption(o, "records", 0));
    }

    /** {@code sim:8} is eight packs. */
    @Override
    public Optional<String> packs(String address) {
        return Optional.ofNullable(address);
    }

    @Override
    public SimulatedConnector connector(Transport transport, LinkContext context) {
        if (!(transport instanceof SimulatedTransport sim)) {
            throw new IllegalArgumentException(transport.label() + " is not a simulated bus");
        }
        // the boards keep the default protocol's parameter page whatever they speak, as under bmsw sim
        List<ParameterDefinition> definitions = context.protocols().apply(ProtocolCatalog.DEFAULT_PROTOCOL)
                .map(BmsProtocol::parameterDefinitions).orElse(context.protocol().parameterDefinitions());
        return new SimulatedConnector(sim, context.protocol(), definitions, context.addresses(),
                m -> context.log().accept("simulator: " + m));
    }
}
