package org.bmsworkbench.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** The Connection view in a Shell with the real connection service of the test runtime (started with no bus). */
class ConnectionPartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PartHarness harness;
    private ConnectionService connection;
    private ConnectionView view;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        connection = harness.service(ConnectionService.class);
        // the protocol bundle is started lazily: loading its class starts it, and its protocol registers
        FrameworkUtil.getBundle(NativeModbusProtocol.class);
        assertTrue(harness.spinUntil(() -> connection.protocols().contains(ProtocolCatalog.DEFAULT_PROTOCOL), WAIT));
        connection.closeAll();
        MPart model = MBasicFactory.INSTANCE.createPart();
        harness.context.set(MPart.class, model);
        view = harness.make(ConnectionPart.class).view();
    }

    @AfterEach
    void tearDown() {
        connection.closeAll();
        harness.close();
    }

    @SuppressWarnings("unchecked")
    private <T extends Control> T field(String id) {
        return (T) find(view, id);
    }

    private static Control find(Composite parent, String id) {
        for (Control c : parent.getChildren()) {
            if (id.equals(c.getData("org.bmsworkbench.test.id"))) {
                return c;
            }
            if (c instanceof Composite k) {
                Control found = find(k, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void choosePort(String text) {
        Combo port = field("connection.port");
        port.setText(text);
        port.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
    }

    private void chooseItem(String item) {
        Combo port = field("connection.port");
        port.select(List.of(port.getItems()).indexOf(item));
        port.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private String error() {
        return ((Label) field("connection.error")).getText();
    }

    private void open() {
        view.openButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    @Test
    void aSerialPortCanBeTypedAndIsOpenedAsTyped() {
        Combo port = field("connection.port");
        assertEquals(0, port.getStyle() & SWT.READ_ONLY, "the port box takes a typed name");
        choosePort("/dev/bmsw-typed-pty");
        ((Text) field("connection.packs")).setText("2");
        open();
        assertEquals("", error());
        assertTrue(harness.spinUntil(() -> connection.buses().size() == 1, WAIT));
        BusSettings opened = connection.settings(connection.buses().get(0).busId()).orElseThrow();
        assertEquals("serial:/dev/bmsw-typed-pty,baud=9600,format=8N1", opened.transport().spec(),
                "a serial port gets the protocol's usual baud rate (modbus-native: 9600)");
        assertEquals(List.of(1, 2), opened.addresses());
        harness.spinFor(Duration.ofMillis(300));
        assertEquals("/dev/bmsw-typed-pty", port.getText(), "the typed name stays");
    }

    @Test
    void aSerialPortGetsTheProtocolsUsualBaudRateUntilTheUserChoosesOne() {
        Combo baud = field("connection.baud");
        assertEquals("115200", baud.getText(), "the simulated bus of a first start runs at 115200");
        // the port list comes again every few seconds and with a language change: the box passes through an empty
        // text on the way, which is no serial port the user chose
        view.setPorts(List.of(new org.bmsworkbench.events.SerialPortInfo("/dev/ttyUSB7", "FT232R USB UART", 0x0403,
                0x6001, "A1", "")));
        harness.setLocale(java.util.Locale.CHINESE);
        harness.setLocale(java.util.Locale.ENGLISH);
        assertEquals("115200", baud.getText(), "listing the ports again is not choosing one");
        choosePort("/dev/bmsw-typed-pty");
        assertEquals("9600", baud.getText(), "modbus-native boards ship at 9600 (docs/protocols/modbus-native.md)");
        chooseItem("Simulated bus");
        assertEquals("9600", baud.getText(), "the simulator takes what is there");
        baud.setText("19200");
        choosePort("/dev/bmsw-other-pty");
        assertEquals("19200", baud.getText(), "a baud rate the user chose is not suggested over");
    }

    @Test
    void numberFieldsAreRefusedWithAMessageNotCorrected() {
        Text packs = field("connection.packs");
        Text first = field("connection.first");
        for (String[] c : new String[][] { { "0", "1", "pack quantity 0 is outside 1..16" },
                { "17", "1", "pack quantity 17 is outside 1..16" },
                { "x9", "1", "pack quantity 'x9' is not a whole number" },
                { "", "1", "pack quantity is empty" },
                { "4", "abc", "first address 'abc' is not a whole number" } }) {
            packs.setText(c[0]);
            first.setText(c[1]);
            open();
            assertEquals(c[2], error());
            assertEquals(c[0], packs.getText(), "the field keeps what was typed");
            assertTrue(connection.buses().isEmpty(), "nothing is opened");
        }
    }

    @Test
    void aWrongFieldIsSaidInTheUsersLanguageAndSaidAgainWhenItChanges() {
        ((Text) field("connection.packs")).setText("x9");
        harness.setLocale(java.util.Locale.CHINESE);
        try {
            open();
            assertEquals("\u7535\u6c60\u5305\u6570\u91cf\u201cx9\u201d\u4e0d\u662f\u6574\u6570", error());
            harness.setLocale(java.util.Locale.ENGLISH);
            assertTrue(harness.spinUntil(() -> error().equals("pack quantity 'x9' is not a whole number"), WAIT),
                    error());
        } finally {
            harness.setLocale(java.util.Locale.ENGLISH);
        }
        assertTrue(connection.buses().isEmpty(), "nothing is opened");
    }

    @Test
    void aGatewayHasNoBaudRateOrFormat() {
        Combo baud = field("connection.baud");
        Combo format = field("connection.format");
        chooseItem("TCP gateway (RS485 to Ethernet)");
        assertFalse(baud.isEnabled());
        assertFalse(format.isEnabled());
        assertTrue(((Text) field("connection.gateway")).isEnabled());
        chooseItem("Simulated bus");
        assertTrue(baud.isEnabled());
        assertFalse(format.isEnabled());
        choosePort("/dev/ttyUSB7");
        assertTrue(baud.isEnabled());
        assertTrue(format.isEnabled());
    }

    @Test
    void theFormShowsTheBusThatIsOpen() {
        // as ./bmsw --bus serial:/dev/pts/1 does at start, without the form
        connection.open(BusSettings.parse("serial:/dev/bmsw-given-pty,baud=9600,format=8E1,packs=3"));
        Combo port = field("connection.port");
        assertTrue(harness.spinUntil(() -> port.getText().equals("/dev/bmsw-given-pty"), WAIT), port.getText());
        assertEquals("9600", ((Combo) field("connection.baud")).getText());
        assertEquals("8E1", ((Combo) field("connection.format")).getText());
        assertEquals("3", ((Text) field("connection.packs")).getText());
        assertTrue(((Button) view.openButton()).isEnabled());
    }

    @Test
    void aRecentBusIsNamedByItsLineProtocolAndPacks() {
        Messages m = new Messages();
        m.recent_line = "{0} | {1} | packs {2}";
        m.port_sim = "Simulated bus";
        assertEquals("/dev/ttyUSB0 9600 8N1 | modbus-native | packs 1-4",
                RecentBusesMenu.label(BusSettings.parse("serial:/dev/ttyUSB0,baud=9600,packs=4").toSpec(), m));
        assertEquals("tcp 10.0.0.7:4196 | modbus-native | packs 3, 5, 9",
                RecentBusesMenu.label(BusSettings.parse("tcp:10.0.0.7:4196,addresses=3,5,9").toSpec(), m));
        assertEquals("tcp 10.0.0.7:4196 | modbus-native | packs 7",
                RecentBusesMenu.label(BusSettings.parse("tcp:10.0.0.7:4196,addresses=7").toSpec(), m));
        assertEquals("usb:3,packs=2", RecentBusesMenu.label("usb:3,packs=2", m), "a link type no longer installed");
    }

    @Test
    void aBusLineTooLongForTheListIsShownWholeAsItsTooltip() {
        // a gateway nobody answers at: its line carries the whole reason, wider than the view
        connection.open(BusSettings.parse("tcp:127.0.0.1:9,packs=2"));
        org.eclipse.swt.widgets.List buses = field("connection.buses");
        assertTrue(harness.spinUntil(() -> buses.getItemCount() == 1 && buses.getItem(0).contains("127.0.0.1:9")
                && buses.getItem(0).length() > 40, WAIT), String.join("|", buses.getItems()));
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.y = buses.getItemHeight() / 2;
        buses.notifyListeners(SWT.MouseMove, move);
        assertEquals(buses.getItem(0), buses.getToolTipText());
        assertTrue(buses.getItem(0).contains("\u00b7  retrying: "), "a failure that is retried is not 'failed': "
                + buses.getItem(0));
        move.y = buses.getItemHeight() * 3;
        buses.notifyListeners(SWT.MouseMove, move);
        assertEquals(null, buses.getToolTipText(), "no tooltip below the last line");
    }
}
