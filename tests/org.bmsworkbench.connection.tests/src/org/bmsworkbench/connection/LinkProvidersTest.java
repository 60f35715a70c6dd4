package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.PackSpec;
import org.bmsworkbench.sim.SimBus;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Link types as services: looked up by scheme, added at run time, and opened through their own connector. */
class LinkProvidersTest {

    private final SerialLinkProvider serial = new SerialLinkProvider();
    private final TcpLinkProvider tcp = new TcpLinkProvider();
    private final BmsProtocol protocol = new NativeModbusProtocol();
    private final SimBus sim = new SimBus(List.of(PackSpec.typical(1, 16, 4), PackSpec.typical(2, 16, 4)),
            protocol.parameterDefinitions(), 9, LocalDateTime.of(2026, 6, 1, 0, 0), 0.1);
    private final LoopProvider loop = new LoopProvider(sim, protocol);

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A link type the product does not have: whole frames to simulated boards, as a CAN or UDP link would carry. */
    record LoopTransport(String name, int delay) implements Transport {
        @Override
        public String scheme() {
            return "loop";
        }

        @Override
        public String label() {
            return "loop " + name;
        }

        @Override
        public int baud() {
            return 0;
        }

        @Override
        public int bitsPerCharacter() {
            return 10;
        }

        @Override
        public String spec() {
            return "loop:" + name + ",delay=" + delay;
        }
    }

    static final class LoopProvider implements LinkProvider {
        final SimBus sim;
        final BmsProtocol protocol;

        LoopProvider(SimBus sim, BmsProtocol protocol) {
            this.sim = sim;
            this.protocol = protocol;
        }

        @Override
        public String scheme() {
            return "loop";
        }

        @Override
        public String label() {
            return "Loop";
        }

        @Override
        public String usage() {
            return "loop:<name>";
        }

        @Override
        public Set<String> options() {
            return Set.of("delay");
        }

        @Override
        public Transport parse(String address, Map<String, String> options) {
            if (address.isBlank()) {
                throw new IllegalArgumentException("the loop has no name");
            }
            return new LoopTransport(address, BusSettings.intOption(options, "delay", 0));
        }

        @Override
        public Connector connector(Transport transport, LinkContext context) {
            return () -> new FakeFramedPort(context.protocol().deviceCodec().orElseThrow(), sim);
        }
    }

    @Test
    void anUnknownSchemeNamesTheInstalledLinkTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("usb:3", LinkLookup.of(serial, tcp)));
        assertEquals("bus 'usb:3': serial:<port> or tcp:<host>:<port>", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("usb:3", LinkLookup.of(tcp, loop, serial, new SimLinkProvider())));
        assertEquals("bus 'usb:3': sim, loop:<name>, serial:<port> or tcp:<host>:<port>", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("tcp:10.0.0.7:4196", LinkLookup.of(serial)));
        assertEquals("bus 'tcp:10.0.0.7:4196': serial:<port>", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("serial", LinkLookup.of(serial, tcp)));
        assertEquals("bus 'serial': serial:<port> or tcp:<host>:<port>", e.getMessage(), "a port needs its name");
        e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("sim", LinkLookup.of(serial, tcp)));
        assertEquals("bus 'sim': serial:<port> or tcp:<host>:<port>", e.getMessage(), "no simulator installed");
    }

    @Test
    void anOptionOfALinkTypeThatIsNotInstalledIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("serial:/dev/ttyUSB0,delay=3", LinkLookup.of(serial, tcp)));
        assertEquals("unknown bus option 'delay'", e.getMessage());
    }

    @Test
    void theClassPathOffersSerialAndTcp() {
        LinkCatalog c = LinkCatalog.fromClassPath(LinkCatalog.class.getClassLoader());
        assertEquals(List.of(), c.problems());
        assertInstanceOf(SerialLinkProvider.class, c.find("serial").orElseThrow());
        assertInstanceOf(TcpLinkProvider.class, c.find("tcp").orElseThrow());
        assertEquals(Optional.empty(), c.find("loop"));
    }

    @Test
    void aProviderRegisteredAtRunTimeIsUsableInParse() {
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("loop:a,delay=3"));
        assertEquals("unknown bus option 'delay'", before.getMessage());
        try (LinkCatalog.Registration r = LinkCatalog.register(loop)) {
            BusSettings s = BusSettings.parse("loop:a,delay=3,packs=2");
            assertEquals(new LoopTransport("a", 3), s.transport());
            assertEquals(List.of(1, 2), s.addresses());
            assertEquals(ProtocolCatalog.DEFAULT_PROTOCOL, s.protocolId());
            assertEquals(s, BusSettings.parse(s.toSpec()), s.toSpec());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("loop:"));
            assertEquals("the loop has no name", e.getMessage());
        }
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("loop:a"));
        assertTrue(after.getMessage().startsWith("bus 'loop:a': "), after.getMessage());
    }

    @Test
    void aBusOpensThroughItsLinkTypesConnector() throws Exception {
        sim.advance(1);
        Recorder events = new Recorder();
        LinkLookup links = LinkLookup.of(serial, tcp, loop);
        try (Buses buses = new Buses(id -> id.equals(protocol.id()) ? Optional.of(protocol) : Optional.empty(),
                () -> List.of(protocol.id()), links, events, new PortDiscovery(List::of, m -> { }), m -> { })) {
            String id = buses.open(BusSettings.parse("loop:x,packs=2,interval=0", links));
            Recorder.await(Duration.ofSeconds(10), "both packs over the framed loop",
                    () -> events.snapshotsOf(1) > 0 && events.snapshotsOf(2) > 0);
            assertEquals("loop x", buses.buses().get(0).label());
            buses.close(id);
        }
    }

    @Test
    void aBusOfALinkTypeThatIsNotInstalledDoesNotOpen() {
        BusSettings settings = BusSettings.of(new LoopTransport("x", 0), protocol.id(), 1, 1);
        try (Buses buses = new Buses(id -> Optional.of(protocol), () -> List.of(protocol.id()),
                LinkLookup.of(serial, tcp), new Recorder(), new PortDiscovery(List::of, m -> { }), m -> { })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> buses.open(settings));
            assertEquals("no link type 'loop' is installed", e.getMessage());
        }
    }
}
