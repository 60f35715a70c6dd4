package org.bmsworkbench.connection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.SerialPortInfo;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolException;

/**
 * The plain-Java connection service: a set of {@link Bus}es, found by id. The OSGi component
 * ({@link ConnectionServiceComponent}) and the command line ({@code bmsw poll}) both use it.
 */
public final class Buses implements ConnectionService, AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private final Function<String, Optional<BmsProtocol>> protocols;
    private final Supplier<List<String>> protocolIds;
    private final LinkLookup links;
    private final BusEvents events;
    private final PortDiscovery discovery;
    private final Consumer<String> log;
    private final Map<String, Bus> buses = new LinkedHashMap<>();
    private int next = 1;
    private volatile WriteGuard guard = WriteGuard.NONE;

    public Buses(Function<String, Optional<BmsProtocol>> protocols, Supplier<List<String>> protocolIds,
            BusEvents events, PortDiscovery discovery, Consumer<String> log) {
        this(protocols, protocolIds, LinkCatalog.known(), events, discovery, log);
    }

    public Buses(Function<String, Optional<BmsProtocol>> protocols, Supplier<List<String>> protocolIds,
            LinkLookup links, BusEvents events, PortDiscovery discovery, Consumer<String> log) {
        this.protocols = protocols;
        this.protocolIds = protocolIds;
        this.links = links;
        this.events = events;
        this.discovery = discovery;
        this.log = log;
    }

    @Override
    public String open(BusSettings settings) {
        BmsProtocol protocol = protocols.apply(settings.protocolId()).orElseThrow(() -> new IllegalArgumentException(
                "no protocol '" + settings.protocolId() + "'; installed: " + String.join(", ", protocolIds.get())));
        String id;
        synchronized (this) {
            for (Bus b : buses.values()) {
                if (sameLine(b.settings().transport(), settings.transport())) {
                    throw new IllegalArgumentException(settings.transport().label() + " is already used by " + b.id());
                }
            }
            id = "bus-" + next++;
        }
        Connector connector = links.find(settings.transport().scheme()).orElseThrow(() -> new IllegalArgumentException(
                "no link type '" + settings.transport().scheme() + "' is installed")).connector(settings.transport(),
                        new LinkContext(protocol, protocols, settings.addresses(), CONNECT_TIMEOUT_MILLIS, log));
        Bus bus;
        try {
            bus = new Bus(id, settings, protocol, connector, events, Clock.systemUTC(), log, () -> guard);
        } catch (ProtocolException | RuntimeException e) {
            connector.close();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        synchronized (this) {
            buses.put(id, bus);
        }
        bus.start();
        return id;
    }

    private static boolean sameLine(Transport a, Transport b) {
        if (a instanceof Transport.Serial x && b instanceof Transport.Serial y) {
            return x.name().equals(y.name());
        }
        if (a instanceof Transport.Tcp x && b instanceof Transport.Tcp y) {
            return x.host().equalsIgnoreCase(y.host()) && x.port() == y.port();
        }
        return false;
    }

    /** The judge of every command that changes a pack; {@code null} or {@link WriteGuard#NONE}: nothing may. */
    public void setWriteGuard(WriteGuard guard) {
        this.guard = guard == null ? WriteGuard.NONE : guard;
    }

    @Override
    public void close(String busId) {
        Bus bus;
        synchronized (this) {
            bus = buses.remove(busId);
        }
        if (bus != null) {
            bus.close();
        }
    }

    @Override
    public void closeAll() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(buses.keySet());
        }
        ids.forEach(this::close);
    }

    @Override
    public void close() {
        closeAll();
    }

    /** The bus itself, for the command line and tests. */
    public synchronized Optional<Bus> bus(String busId) {
        return Optional.ofNullable(buses.get(busId));
    }

    @Override
    public synchronized List<BusStatus> buses() {
        return buses.values().stream().map(Bus::status).toList();
    }

    @Override
    public Optional<BmsProtocol> protocolOf(String busId) {
        return settings(busId).flatMap(s -> protocols.apply(s.protocolId()));
    }

    @Override
    public synchronized Optional<BusSettings> settings(String busId) {
        return bus(busId).map(Bus::settings);
    }



    @Override
    public <T> CommandHandle<T> submit(String busId, BusCommand<T> command) {
        return bus(busId).orElseThrow(() -> new IllegalArgumentException("no bus '" + busId + "'")).submit(command);
    }

    @Override
    public List<SerialPortInfo> serialPorts() {
        return discovery.ports();
    }

    @Override
    public List<SerialPortInfo> refreshPorts() {
        return discovery.refresh();
    }

    @Override
    public List<String> protocols() {
        return protocolIds.get();
    }

    @Override
    public java.util.OptionalInt usualBaud(String protocolId) {
        return protocols.apply(protocolId).map(BmsProtocol::usualBaud).orElse(java.util.OptionalInt.empty());
    }
}
