package org.bmsworkbench.connection;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.SerialPortInfo;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.BmsProtocol;
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
 * it, the bus the user opened last ({@code .metadata/bmsw-last-bus}), and on a first start the simulated bus of
 * 8 packs, so a newcomer sees live data at once; {@code none} opens nothing.
 */
@Component(service = ConnectionService.class, immediate = true)
public final class ConnectionServiceComponent implements ConnectionService {

    /** Framework (or system) property naming the bus to open at start. */
    public static final String BUS_PROPERTY = "bmsworkbench.bus";

    /** What opens when nothing is configured: 8 simulated packs of 176 cells and 33 sensors. */
    public static final String DEFAULT_BUS = "sim:8,protocol=modbus-native";

    /** The component name of the one {@link WriteGuard} taken: the control bundle's. */
    public static final String WRITE_GUARD_COMPONENT = "org.bmsworkbench.control.guard";

    private static final long PORT_WATCH_MILLIS = 3000;

    private final Map<String, BmsProtocol> protocols = new ConcurrentHashMap<>();
    private final PortDiscovery discovery;
    private final CommunicationLog communication;
    private final Buses buses;
    private final Logger log;
    private final Path lastBusFile;
    /** The bus to open at start, until its protocol's bundle has registered it. */
    private volatile BusSettings pending;

    @Activate
    public ConnectionServiceComponent(@Reference EventAdmin eventAdmin,
            @Reference(service = LoggerFactory.class) Logger log, BundleContext context) {
        this.log = log;
        discovery = new PortDiscovery(PortDiscovery::systemPorts, log::warn);
        discovery.addListener(list -> eventAdmin.postEvent(new Event(BmsTopics.PORTS_CHANGED, EventProperties.of(list))));
        Path comm = commFolder(context);
        lastBusFile = comm.getParent().resolve("bmsw-last-bus");
        communication = new CommunicationLog(comm, 10L << 20, 5, log::warn);
        buses = new Buses(this::protocol, this::protocolIds,
                BusEvents.all(List.of(new EventAdminEvents(eventAdmin), communication)), discovery, log::info);
        discovery.watch(PORT_WATCH_MILLIS);
        startupBus(context.getProperty(BUS_PROPERTY));
    }

    /** Protocols are services of other bundles and may register after this component: the bus waits for its own. */
    private void startupBus(String property) {
        String spec = property == null || property.isBlank() ? remembered().orElse(DEFAULT_BUS) : property.trim();
        if (spec.equalsIgnoreCase("none")) {
            return;
        }
        try {
            pending = BusSettings.parse(spec);
        } catch (IllegalArgumentException e) {
            log.error("cannot open the bus '" + spec + "' given in " + BUS_PROPERTY + ": " + e.getMessage());
            return;
        }
        openPending();
    }

    private synchronized void openPending() {
        BusSettings settings = pending;
        if (settings == null || buses == null || !protocols.containsKey(settings.protocolId())) {
            return;
        }
        pending = null;
        try {
            buses.open(settings);
        } catch (IllegalArgumentException e) {
            log.error("cannot open the bus " + settings.transport().label() + ": " + e.getMessage());
        }
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

    private Optional<BmsProtocol> protocol(String id) {
        return Optional.ofNullable(protocols.get(id));
    }

    private List<String> protocolIds() {
        return protocols.keySet().stream().sorted().toList();
    }

    @Deactivate
    void deactivate() {
        buses.close();
        discovery.close();
        communication.close();
    }

    /** The bus the user opened last, reopened at the next start. */
    private java.util.Optional<String> remembered() {
        try {
            if (java.nio.file.Files.isRegularFile(lastBusFile)) {
                String spec = java.nio.file.Files.readString(lastBusFile).trim();
                return spec.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(spec);
            }
        } catch (java.io.IOException e) {
            log.warn("cannot read the last bus from " + lastBusFile + ": " + e.getMessage());
        }
        return java.util.Optional.empty();
    }

    @Override
    public String open(BusSettings settings) {
        String id = buses.open(settings);
        try {
            java.nio.file.Files.createDirectories(lastBusFile.getParent());
            java.nio.file.Files.writeString(lastBusFile, settings.toSpec() + "\n");
        } catch (java.io.IOException e) {
            log.warn("cannot remember the bus in " + lastBusFile + ": " + e.getMessage());
        }
        return id;
    }

    @Override
    public void close(String busId) {
        buses.close(busId);
    }

    @Override
    public void closeAll() {
        buses.closeAll();
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
    public List<PackStatus> packs(String busId) {
        return buses.packs(busId);
    }

    @Override
    public Optional<PackSnapshot> latest(String busId, int address) {
        return buses.latest(busId, address);
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
    public Optional<SimulatedConnector> simulator(String busId) {
        return buses.simulator(busId);
    }
}
