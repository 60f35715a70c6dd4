package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bmsworkbench.events.PortList;
import org.bmsworkbench.events.SerialPortInfo;
import org.junit.jupiter.api.Test;

/** Port discovery tells listeners about plugged and pulled adapters, and only about those. */
class PortDiscoveryTest {

    private static final SerialPortInfo FTDI = new SerialPortInfo("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001,
            "A10KJ3", "1-1.2");
    private static final SerialPortInfo ONBOARD = new SerialPortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "", "");

    @Test
    void listenersHearOfChangesOnly() {
        List<List<SerialPortInfo>> script = new ArrayList<>(List.of(List.of(ONBOARD), List.of(ONBOARD),
                List.of(ONBOARD, FTDI), List.of(ONBOARD, FTDI), List.of(ONBOARD)));
        List<PortList> heard = new CopyOnWriteArrayList<>();
        try (PortDiscovery d = new PortDiscovery(() -> script.remove(0), m -> { })) {
            d.addListener(heard::add);
            for (int i = 0; i < 5; i++) {
                d.refresh();
            }
            assertEquals(3, heard.size(), "first list, adapter plugged, adapter pulled");
            assertEquals(List.of(ONBOARD, FTDI), heard.get(1).ports());
            assertEquals(List.of(ONBOARD), d.ports());
        }
        assertEquals("/dev/ttyUSB0 \u2014 FT232R USB UART (0403:6001)", FTDI.displayName());
        assertEquals("/dev/ttyS0 \u2014 Physical Port S0", ONBOARD.displayName());
    }

    @Test
    void aFailingListingCountsAsNoPortsAndIsReported() {
        List<String> problems = new ArrayList<>();
        try (PortDiscovery d = new PortDiscovery(() -> {
            throw new UnsatisfiedLinkError("no jSerialComm native library");
        }, problems::add)) {
            assertEquals(List.of(), d.refresh());
        }
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("no jSerialComm native library"));
    }

    @Test
    void theSystemListingWorksHere() {
        for (SerialPortInfo p : PortDiscovery.systemPorts()) {
            assertTrue(!p.name().isBlank());
        }
    }
}
