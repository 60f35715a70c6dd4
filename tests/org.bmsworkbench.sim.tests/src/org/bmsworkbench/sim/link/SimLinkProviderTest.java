package org.bmsworkbench.sim.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bmsworkbench.connection.BusEvents;
import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Buses;
import org.bmsworkbench.connection.LinkCatalog;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.connection.PortDiscovery;
import org.bmsworkbench.connection.SerialLinkProvider;
import org.bmsworkbench.connection.TcpLinkProvider;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.sim.SimPack;
import org.bmsworkbench.protocol.modbus.ModbusProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.junit.jupiter.api.Test;

/** The simulator as a link type of the connection service: found, parsed, opened and polled. */
class SimLinkProviderTest {

    private final LinkLookup links = LinkLookup.of(new SerialLinkProvider(), new TcpLinkProvider(), new SimLinkProvider());
    private final ProtocolCatalog protocols = new ProtocolCatalog(List.of(new NativeModbusProtocol(), new PylontechProtocol()));

    @Test
    void theSimulatorsBundleOffersItsLinkTypeToServiceLoader() {
        LinkCatalog c = LinkCatalog.fromClassPath(SimLinkProvider.class.getClassLoader());
        assertEquals(List.of(), c.problems());
        assertInstanceOf(SimLinkProvider.class, c.find("sim").orElseThrow());
    }

    @Test
    void simSpecsReadAsBeforeAndBack() {
        BusSettings s = BusSettings.parse("sim:4,cells=16,temps=4,baud=0,speed=10,seed=3", links);
        assertEquals(new SimulatedTransport(16, 4, 3, 10, 0, 10), s.transport());
        assertEquals(List.of(1, 2, 3, 4), s.addresses());
        assertEquals(ProtocolCatalog.DEFAULT_PROTOCOL, s.protocolId());
        assertTrue(s.transport().simulated());
        assertEquals(BusStatus.SIMULATED_LABEL, s.transport().label());
        assertEquals(SimulatedTransport.typical(), BusSettings.parse("sim", links).transport());
        assertEquals("cycle", SimulatedTransport.typical().profile());
        BusSettings rest = BusSettings.parse("sim:2,cells=16,temps=4,profile=rest", links);
        assertEquals("rest", ((SimulatedTransport) rest.transport()).profile());
        assertEquals(rest, BusSettings.parse(rest.toSpec(), links), rest.toSpec());
        BusSettings plain = BusSettings.parse("sim:2,cells=16,temps=4", links);
        assertEquals(plain, BusSettings.parse(plain.toSpec(), links), plain.toSpec());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("sim,temps=40", links));
        assertEquals("40 temperature sensors is outside 0..33", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse("sim:x", links));
        assertEquals("bus option packs=x is not a whole number", e.getMessage());
    }

    @Test
    void theDefaultBusLivesWithPacksOutOfPhaseAndRestIsAskedFor() {
        SimulatedTransport cycling = (SimulatedTransport) BusSettings.parse("sim:4,cells=16,temps=4,baud=0", links)
                .transport();
        SimulatedConnector c = new SimulatedConnector(cycling.withProfile(cycling.profile()),
                protocols.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElseThrow(),
                protocols.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElseThrow().parameterDefinitions(),
                List.of(1, 2, 3, 4), m -> { });
        try {
            c.simBus().close(); // no real-time ticker: simulated time moves only here
            double[] before = new double[4];
            for (int a = 1; a <= 4; a++) {
                before[a - 1] = c.simBus().pack(a).trueCellSoc(0);
            }
            c.simBus().advance(6);
            java.util.Set<Long> socs = new java.util.HashSet<>();
            for (int a = 1; a <= 4; a++) {
                SimPack p = c.simBus().pack(a);
                assertTrue(Math.abs(p.trueCurrent()) > 10, "pack " + a + " carries " + p.trueCurrent() + " A");
                assertTrue(p.trueCellSoc(0) != before[a - 1], "pack " + a + " SOC moved from " + before[a - 1]);
                socs.add(Math.round(p.trueCellSoc(0)));
            }
            assertTrue(c.simBus().pack(1).trueCurrent() > 0, "pack 1 charges first");
            assertTrue(c.simBus().pack(2).trueCurrent() < 0, "pack 2 discharges first");
            assertEquals(4, socs.size(), "each pack starts at another point of the cycle: " + socs);
        } finally {
            c.close();
        }
        SimulatedConnector resting = new SimulatedConnector(cycling.withProfile("rest"),
                protocols.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElseThrow(),
                protocols.find(ProtocolCatalog.DEFAULT_PROTOCOL).orElseThrow().parameterDefinitions(), List.of(1, 2),
                m -> { });
        try {
            resting.simBus().close();
            resting.simBus().advance(6);
            assertEquals(0, resting.simBus().pack(2).trueCurrent(), 1e-9);
            assertEquals(60, resting.simBus().pack(2).trueCellSoc(0), 3);
        } finally {
            resting.close();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("sim,profile=sideways", links));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    @Test
    void aSimulatedBusOpensThroughTheProviderAndAnswers() throws Exception {
        List<PackData> seen = new CopyOnWriteArrayList<>();
        BusEvents events = new BusEvents() {
            @Override
            public void snapshot(PackData d) {
                seen.add(d);
            }
        };
        try (Buses buses = new Buses(protocols::find, () -> List.of("modbus-native", "pylontech"), links, events,
                new PortDiscovery(List::of, m -> { }), m -> { })) {
            String id = buses.open(BusSettings.parse("sim:2,cells=16,temps=4,baud=0,interval=0,protocol=pylontech", links));
            long end = System.nanoTime() + 10_000_000_000L;
            while (seen.stream().map(PackData::address).distinct().count() < 2 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(List.of(1, 2), seen.stream().map(PackData::address).distinct().sorted().toList());
            assertEquals(16, seen.get(0).snapshot().cellCount());
            buses.close(id);
        }
    }

    @Test
    void aProtocolWithoutADeviceSideIsRefusedWithItsName() {
        BmsProtocol silent = new ModbusProtocol(ProtocolCatalog.DEFAULT_PROTOCOL) {
            @Override
            public Optional<org.bmsworkbench.protocol.device.DeviceCodec> deviceCodec() {
                return Optional.empty();
            }
        };
        try (Buses buses = new Buses(id -> Optional.of(silent), () -> List.of(silent.id()), links,
                new BusEvents() { }, new PortDiscovery(List::of, m -> { }), m -> { })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> buses.open(BusSettings.parse("sim:1", links)));
            assertTrue(e.getMessage().endsWith("has no simulated device side; choose another protocol for the simulated bus"),
                    e.getMessage());
        }
    }
}
