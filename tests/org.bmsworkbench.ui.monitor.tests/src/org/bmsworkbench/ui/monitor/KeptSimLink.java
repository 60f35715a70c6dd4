package org.bmsworkbench.ui.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.connection.Connector;
import org.bmsworkbench.connection.LinkContext;
import org.bmsworkbench.connection.LinkProvider;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.bmsworkbench.sim.link.SimulatedConnector;
import org.bmsworkbench.sim.link.SimulatedTransport;

/**
 * The simulator's link type under the scheme {@value #SCHEME}, keeping the simulator it made, so a test can change
 * what the packs do (a charger that starts) while the workbench polls them through the real connection service.
 */
final class KeptSimLink implements LinkProvider {

    static final String SCHEME = "simkept";

    private final SimLinkProvider sim = new SimLinkProvider();
    private volatile SimulatedConnector last;

    /** The simulator behind the last bus opened with this link type. */
    SimBus simBus() {
        return last.simBus();
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public String label() {
        return "kept simulated bus";
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
        return sim.options();
    }

    @Override
    public Transport parse(String address, Map<String, String> options) {
        return new Kept((SimulatedTransport) sim.parse(address, options));
    }

    @Override
    public Optional<String> packs(String address) {
        return sim.packs(address);
    }

    @Override
    public Connector connector(Transport transport, LinkContext context) {
        SimulatedConnector c = sim.connector(((Kept) transport).sim(), context);
        last = c;
        return c;
    }

    private record Kept(SimulatedTransport sim) implements Transport {
        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String label() {
            return sim.label();
        }

        @Override
        public int baud() {
            return sim.baud();
        }

        @Override
        public int bitsPerCharacter() {
            return sim.bitsPerCharacter();
        }

        @Override
        public String spec() {
            return SCHEME + sim.spec().substring(SimLinkProvider.SCHEME.length());
        }

        @Override
        public boolean simulated() {
            return true;
        }
    }
}
