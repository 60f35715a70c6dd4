package org.bmsworkbench.connection;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.SerialPortInfo;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The connection service of the workbench. It posts everything the buses see to EventAdmin, keeps the
 * communication record in {@code <workspace>/.metadata/comm/}, watches the serial ports, and at start opens
 * the bus named by the framework property {@value #BUS_PROPERTY} (see {@link BusSettings#parse}); without
 * it, exactly the buses that were open when the workbench last ended ({@link BusMemory}), and on a first start the
 * simulated bus of 8 packs, so a newcomer sees live data at once; {@code none} opens nothing. Whenever a bus is
 * opened or closed, and at the end, the open buses are remembered, so a bus given with {@code --bus} is what comes
 * back, and one that was closed does not.
 */
@Component(service = ConnectionService.class, immediate = true)
public final class ConnectionServiceComponent implements ConnectionService {

    /** Framework (or system) property naming the bus to open at start. */
    public static final String BUS_PROPERTY = "bmsworkbench.bus";

    /** What opens when nothing is configured: 8 simulated packs of 176 cells and 33 sensors. */
    public static final String DEFAULT_BUS = "sim:8,protocol=" + ProtocolCatalog.DEFAULT_PROTOCOL;

    /** The component name of the one {@link WriteGuard} taken: the control bundle's. */
    public static final String WRITE_GUARD_COMPONENT = "org.bmsworkbench.control.guard";

    private static final long PORT_WATCH_MILLIS = 3000;

    private final Map<String, BmsProtocol> protocols = new ConcurrentHashMap<>();
    private final Map<String, LinkProvider> links = new ConcurrentHashMap<>();
    private final PortDiscovery discovery;
    private final CommunicationLog communication;
    private final Buses buses;
    private final Logger log;
    private final BusMemory memory;
    /** The buses to open at start, until their link type's bundle has registered it. */
    private final List<String> pendingSpecs = new ArrayList<>();
    /** The buses to open at start, until their protocol's bundle has registered it. */
    private final List<BusSettings> pending = new ArrayList<>();
    /** Set at deactivation: closing the buses then is not the user's, so the open buses stay remembered. */
    private volatile boolean ending;

    @Activate
    public ConnectionServiceComponent(@Reference EventAdmin eventAdmin,
            @Reference(service = LoggerFactory.class) Logger log, BundleContext context) {
        this.log = log;
        discovery = new PortDiscovery(PortDiscovery::systemPorts, log::warn);
        discovery.addListener(list -> eventAdmin.postEvent(new Event(BmsTopics.PORTS_CHANGED, EventProperties.of(list))));
        Path comm = commFolder(context);
        memory = new BusMemory(comm.getParent(), log::warn);
        communication = new CommunicationLog(comm, 10L << 20, 5, log::warn);
        buses = new Buses(this::protocol, this::protocolIds, this::linkProviders,
                BusEvents.all(List.of(new EventAdminEvents(eventAdmin), communication)), discovery, log::info);
        discovery.watch(PORT_WATCH_MILLIS);
        startupBus(context.getProperty(BUS_PROPERTY));
    }

    /** Protocols and link types are services of other bundles and may register after this component: a bus waits for its own. */
    private void startupBus(String property) {
        List<String> specs;
        if (property == null || property.isBlank()) {
            specs = memory.recall().orElse(List.of(DEFAULT_BUS));
        } else if (property.trim().equalsIgnoreCase("none")) {
            specs = List.of();
        } else {
            specs = List.of(property.trim());
        }
        synchronized (this) {
            pendingSpecs.addAll(specs);
        }
        openPending();
    }

    private synchronized void openPending() {
        if (buses == null) {
            return;
        }
        boolean opened = false;
        for (Iterator<String> i = pendingSpecs.iterator(); i.hasNext();) {
            String spec = i.next();
            if (links.containsKey(BusSettings.scheme(spec))) {
                i.remove();
                try {
                    pending.add(BusSettings.parse(spec, this::linkProviders));
                } catch (IllegalArgumentException e) {
                    log.error("cannot open the bus '" + spec + "': " + e.getMessage());
                }
            }
        }
        for (Iterator<BusSettings> i = pending.iterator(); i.hasNext();) {
            BusSettings settings = i.next();
            if (protocols.containsKey(settings.protocolId())) {
                i.remove();
                try {
                    buses.open(settings);
                    memory.opened(settings.toSpec());
                    opened = true;
                } catch (IllegalArgumentException e) {
                    log.error("cannot open the bus " + settings.transport().label() + ": " + e.getMessage());
                }
            }
        }
        if (opened) {
            rememberOpenBuses();
        }
    }

    /** The open buses and those still waiting for their bundles, as the next start is to open them. */
    private synchronized void rememberOpenBuses() {
        if (ending) {
            return;
        }
        List<String> specs = new ArrayList<>();
        for (BusStatus b : buses.buses()) {
            buses.settings(b.busId()).ifPresent(s -> specs.add(s.toSpec()));
        }
        pending.forEach(s -> specs.add(s.toSpec()));
        specs.addAll(pendingSpecs);
        memory.remember(specs);
    }

    private Path commFolder(BundleContext context) {
        String area = context.getProperty("osgi.instance.area");
        if (area != null) {
            try {
                return Path.of(URI.create(area.replace(" ", "%20"))).resolve(".metadata").resolve("comm");
            } catch (IllegalArgumentException e) {
                log.warn("instance area " + area + " is not a folder: " + e.getMessage());
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "bmsworkbench-comm");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProtocol(BmsProtocol protocol) {
        protocols.put(protocol.id(), protocol);
        openPending();
    }

    void removeProtocol(BmsProtocol protocol) {
        protocols.remove(protocol.id(), protocol);
    }

    /**
     * Only the control bundle's component may admit commands that change a pack; another service of the type is
     * not taken. Without it, every such command is refused.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(component.name=" + WRITE_GUARD_COMPONENT + ")")
    void setWriteGuard(WriteGuard guard) {
        buses.setWriteGuard(guard);
    }

    void unsetWriteGuard(WriteGuard guard) {
        buses.setWriteGuard(null);
    }

    /** Link types are registered for {@link BusSettings#parse(String)} too, which the views use. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLinkProvider(LinkProvider provider) {
        links.put(provider.scheme(), provider);
        LinkCatalog.register(provider);
        openPending();
    }

    void removeLinkProvider(LinkProvider provider) {
        links.remove(provider.scheme(), provider);
        LinkCatalog.unregister(provider);
    }

    private List<LinkProvider> linkProviders() {
        return List.copyOf(links.values());
    }

    private Optional<BmsProtocol> protocol(String id) {
        return Optional.ofNullable(protocols.get(id));
    }

    private List<String> protocolIds() {
        return protocols.keySet().stream().sorted().toList();
    }

    @Deactivate
    void deactivate() {
        rememberOpenBuses();
        ending = true;
        buses.close();
        discovery.close();
        communication.close();
    }

    @Override
    public String open(BusSettings settings) {
        String id = buses.open(settings);
        rememberOpenBuses();
        memory.opened(settings.toSpec());
        return id;
    }

    @Override
    public List<String> recentBuses() {
        return memory.recent();
    }

    @Override
    public void close(String busId) {
        buses.close(busId);
        rememberOpenBuses();
    }

    @Override
    public void closeAll() {
        buses.closeAll();
        rememberOpenBuses();
    }

    @Override
    public List<BusStatus> buses() {
        return buses.buses();
    }

    @Override
    public Optional<BusSettings> settings(String busId) {
        return buses.settings(busId);
    }

    @Override
    public Optional<BmsProtocol> protocolOf(String busId) {
        return buses.protocolOf(busId);
    }

    @Override
    public <T> CommandHandle<T> submit(String busId, BusCommand<T> command) {
        return buses.submit(busId, command);
    }

    @Override
    public List<SerialPortInfo> serialPorts() {
        return buses.serialPorts();
    }

    @Override
    public List<SerialPortInfo> refreshPorts() {
        return buses.refreshPorts();
    }

    @Override
    public List<String> protocols() {
        return buses.protocols();
    }

    @Override
    public java.util.OptionalInt usualBaud(String protocolId) {
        return buses.usualBaud(protocolId);
    }
}
