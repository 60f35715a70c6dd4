package org.bmsworkbench.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.Transport;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.junit.jupiter.api.Test;

/** The form's text to bus settings: nothing corrected silently, one line for what is wrong. */
class ConnectionFormTest {

    private static ConnectionForm serial(String port, String packs, String first) {
        return new ConnectionForm(ConnectionForm.Kind.SERIAL, port, "9600", "8N1", ProtocolCatalog.DEFAULT_PROTOCOL,
                packs, first);
    }

    private static String refusal(ConnectionForm form) {
        String message = assertThrows(IllegalArgumentException.class, form::toSettings).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void numbersAreRefusedNotClamped() {
        assertEquals("pack quantity 0 is outside 1..16", refusal(serial("/dev/ttyUSB0", "0", "1")));
        assertEquals("pack quantity 17 is outside 1..16", refusal(serial("/dev/ttyUSB0", "17", "1")));
        assertEquals("pack quantity 'x9' is not a whole number", refusal(serial("/dev/ttyUSB0", "x9", "1")));
        assertEquals("pack quantity '9x' is not a whole number", refusal(serial("/dev/ttyUSB0", "9x", "1")));
        assertEquals("pack quantity 'four' is not a whole number", refusal(serial("/dev/ttyUSB0", "four", "1")));
        assertEquals("pack quantity is empty", refusal(serial("/dev/ttyUSB0", "", "1")));
        assertEquals("first address 0 is outside 1..247", refusal(serial("/dev/ttyUSB0", "4", "0")));
        assertEquals("first address 248 is outside 1..247", refusal(serial("/dev/ttyUSB0", "1", "248")));
        assertEquals("first address '1.5' is not a whole number", refusal(serial("/dev/ttyUSB0", "4", "1.5")));
        assertEquals("addresses 246..249 are outside 1..247", refusal(serial("/dev/ttyUSB0", "4", "246")));
        assertEquals("baud rate '96OO' is not a whole number", refusal(new ConnectionForm(ConnectionForm.Kind.SERIAL,
                "/dev/ttyUSB0", "96OO", "8N1", ProtocolCatalog.DEFAULT_PROTOCOL, "1", "1")));
    }

    @Test
    void aTypedSerialPortIsOpenedAsTyped() {
        for (String port : List.of("/dev/pts/1", "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0",
                "COM12", " /dev/ttyACM0 ")) {
            BusSettings s = serial(port, " 4 ", "2").toSettings();
            assertEquals(new Transport.Serial(port.strip(), 9600, 8, 'N', 1), s.transport());
            assertEquals(List.of(2, 3, 4, 5), s.addresses());
            assertEquals(s, BusSettings.parse(s.toSpec()), "remembered and reopened as it was typed");
        }
        assertEquals("choose a serial port or type its name, e.g. /dev/ttyUSB0", refusal(serial("  ", "1", "1")));
        assertTrue(refusal(serial("/dev/tty,USB0", "1", "1")).startsWith("serial port '/dev/tty,USB0': a port name has no comma"));
    }

    @Test
    void aGatewayHasNoBaudRateOrFormat() {
        ConnectionForm tcp = new ConnectionForm(ConnectionForm.Kind.TCP, "192.168.1.200:4196", "not used", "",
                ProtocolCatalog.DEFAULT_PROTOCOL, "8", "1");
        assertFalse(tcp.hasBaud());
        assertFalse(tcp.hasFormat());
        assertEquals(new Transport.Tcp("192.168.1.200", 4196, 0), tcp.toSettings().transport());
        assertEquals("gateway 'gateway': host:port, e.g. 192.168.1.200:4196", refusal(new ConnectionForm(
                ConnectionForm.Kind.TCP, "gateway", "", "", ProtocolCatalog.DEFAULT_PROTOCOL, "8", "1")));
        assertTrue(serial("/dev/ttyUSB0", "1", "1").hasBaud());
        assertTrue(serial("/dev/ttyUSB0", "1", "1").hasFormat());
        assertTrue(ConnectionForm.defaults().hasBaud());
        assertFalse(ConnectionForm.defaults().hasFormat());
    }

    @Test
    void theFormOfAnOpenBusShowsItsSettings() {
        ConnectionForm f = ConnectionForm.of(BusSettings.parse("serial:/dev/pts/1,baud=19200,format=8E1,protocol=pylontech,addresses=3-6"));
        assertEquals(new ConnectionForm(ConnectionForm.Kind.SERIAL, "/dev/pts/1", "19200", "8E1", "pylontech", "4", "3"), f);
        assertEquals(f, ConnectionForm.of(f.toSettings()));
    }

    @Test
    void aProtocolsUsualBaudRateIsSuggestedOnlyForASerialPortWhoseRateNobodyChose() {
        assertEquals(java.util.Optional.of("9600"), ConnectionForm.suggestedBaud(ConnectionForm.Kind.SERIAL, false, 9600));
        assertEquals(java.util.Optional.empty(), ConnectionForm.suggestedBaud(ConnectionForm.Kind.SERIAL, true, 9600),
                "a rate the user chose stays");
        assertEquals(java.util.Optional.empty(), ConnectionForm.suggestedBaud(ConnectionForm.Kind.SERIAL, false, null),
                "a protocol whose boards differ suggests nothing");
        assertEquals(java.util.Optional.empty(), ConnectionForm.suggestedBaud(ConnectionForm.Kind.TCP, false, 9600));
        assertEquals(java.util.Optional.empty(),
                ConnectionForm.suggestedBaud(ConnectionForm.Kind.SIMULATED, false, 9600));
    }
}
