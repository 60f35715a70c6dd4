package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.sim.link.SimLinkProvider;
import org.bmsworkbench.sim.link.SimulatedTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bus settings as people type them: what is accepted, and the message for what is not. */
class BusSettingsTest {

    /** The simulator's link type, as its bundle's DS component registers it through the connection service. */
    private static LinkCatalog.Registration sim;

    @BeforeAll
    static void registerTheSimulator() {
        sim = LinkCatalog.register(new SimLinkProvider());
    }

    @AfterAll
    static void unregisterTheSimulator() {
        sim.close();
    }

    @Test
    void parsesTheOneLineForms() {
        BusSettings s = BusSettings.parse("serial:/dev/ttyUSB0,baud=19200,format=8E1,protocol=pylontech,packs=4");
        Transport.Serial t = assertInstanceOf(Transport.Serial.class, s.transport());
        assertEquals("/dev/ttyUSB0", t.name());
        assertEquals(19200, t.baud());
        assertEquals('E', t.parity());
        assertEquals(11, t.bitsPerCharacter());
        assertEquals("/dev/ttyUSB0 19200 8E1", t.label());
        assertEquals("pylontech", s.protocolId());
        assertEquals(List.of(1, 2, 3, 4), s.addresses());

        BusSettings tcp = BusSettings.parse("tcp:10.0.0.7:4196,addresses=2-3,9,timeout=800,retries=2");
        Transport.Tcp g = assertInstanceOf(Transport.Tcp.class, tcp.transport());
        assertEquals("10.0.0.7", g.host());
        assertEquals(4196, g.port());
        assertEquals(List.of(2, 3, 9), tcp.addresses());
        assertEquals(800, tcp.timeoutMillis());
        assertEquals(2, tcp.retries());

        BusSettings sim = BusSettings.parse("sim:8");
        SimulatedTransport st = assertInstanceOf(SimulatedTransport.class, sim.transport());
        assertEquals(176, st.cells());
        assertEquals(33, st.sensors());
        assertEquals(8, sim.addresses().size());
        assertEquals("modbus-native", sim.protocolId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serial:/dev/ttyUSB0,baud=12|baud rate 12 is outside 300..4000000",
            "serial:/dev/ttyUSB0,format=8X1|parity 'X': N, E or O",
            "tcp:gateway|gateway 'gateway': host:port, e.g. 192.168.1.200:4196",
            "tcp:gateway:99999|TCP port 99999 is outside 1..65535",
            "sim,packs=17|pack quantity 17 is outside 1..16",
            "sim,addresses=1-20|address range '1-20' must run upwards over at most 16 addresses",
            "sim,addresses=1,1|pack addresses [1, 1] repeat an address",
            "sim,addresses=x|pack address 'x' is not a number or a range like 1-8",
            "sim,cells=200|200 cells is outside 1..176",
            "sim,retries=9|9 retries is outside 0..5",
            "sim,colour=red|unknown bus option 'colour'",
            "usb:3|bus 'usb:3': sim, serial:<port> or tcp:<host>:<port>",
            "sim,packs|bus option 'packs' is not name=value" })
    void rejectsWithAClearMessage(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusSettings.parse(spec));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serial:/dev/ttyUSB0,baud=19200,format=8E1,protocol=pylontech,addresses=2-3,9,timeout=800,retries=2",
            "tcp:10.0.0.7:4196,baud=9600,protocol=seplos-v2,packs=16,interval=0",
            "sim:8,cells=16,temps=4,protocol=modbus-native" })
    void theOneLineFormReadsBackToTheSameSettings(String spec) {
        BusSettings s = BusSettings.parse(spec);
        assertEquals(s, BusSettings.parse(s.toSpec()), s.toSpec());
    }

    @Test
    void aBusCarriesAtMostSixteenPacks() {
        List<Integer> seventeen = BusSettings.parseAddresses("1-16");
        assertEquals(16, seventeen.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.parse("sim").withAddresses(BusSettings.parseAddresses("1-16,20")));
        assertTrue(e.getMessage().contains("at most 16"), e.getMessage());
    }
}
