package org.bmsworkbench.ui.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.ui.common.StateColors;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bus Overview part in a Shell, fed through the real EventAdmin and the real registry component. */
class BusOverviewPartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private PartHarness harness;
    private String bus;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        bus = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void publishBus(BusState state) throws InterruptedException {
        harness.postFromBusThread(BmsTopics.BUS_STATE,
                EventProperties.of(new BusStatus(bus, "/dev/ttyUSB7 9600 8N1", "pylontech", state, "", Instant.now())));
    }

    private void publishPack(int address, PackLinkState state) throws InterruptedException {
        Instant now = Instant.now();
        harness.postFromBusThread(BmsTopics.PACK_STATE, EventProperties.of(
                new PackStatus(bus, address, state, state == PackLinkState.OFFLINE ? null : now, now)));
    }

    private List<String[]> rowsOfBus(BusOverviewView view) {
        List<String[]> rows = new ArrayList<>();
        boolean inBus = false;
        for (TableItem item : view.table().getItems()) {
            if (!item.getText(0).isEmpty()) {
                inBus = item.getText(0).equals(bus);
            }
            if (inBus) {
                rows.add(new String[] { item.getText(0), item.getText(1), item.getText(2), item.getText(3) });
            }
        }
        return rows;
    }

    @Test
    void showsPacksPublishedFromABusThread() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        BusOverviewView view = part.view();
        assertNotNull(view);
        publishBus(BusState.OPEN);
        publishPack(2, PackLinkState.ONLINE);
        publishPack(1, PackLinkState.ONLINE);
        publishPack(3, PackLinkState.OFFLINE);
        assertTrue(harness.spinUntil(() -> rowsOfBus(view).size() == 4, WAIT),
                "bus row and three pack rows expected, table has " + view.table().getItemCount() + " items");
        List<String[]> rows = rowsOfBus(view);
        assertEquals("Open", rows.get(0)[2]);
        assertEquals("#1", rows.get(1)[1], "packs are listed by address");
        assertEquals("Online", rows.get(1)[2]);
        assertEquals("Offline", rows.get(3)[2]);
        assertEquals("never", rows.get(3)[3]);
        assertTrue(rows.get(1)[3].endsWith(" s ago"), rows.get(1)[3]);
        assertFalse(view.isShowingEmptyMessage());
        assertTrue(view.summaryText().startsWith("Buses open:"), view.summaryText());
        TableItem online = view.table().getItem(indexOf(view, "#1"));
        assertEquals(StateColors.ONLINE.getRGB(), online.getForeground(2).getRGB());
    }

    @Test
    void packsOfABusThatIsLostAreNeverShownOnline() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        publishBus(BusState.OPEN);
        publishPack(5, PackLinkState.ONLINE);
        assertTrue(harness.spinUntil(() -> rowsOfBus(part.view()).size() == 2, WAIT));
        publishBus(BusState.RECONNECTING);
        assertTrue(harness.spinUntil(() -> "Retrying".equals(rowsOfBus(part.view()).get(0)[2]), WAIT));
        assertEquals("Offline", rowsOfBus(part.view()).get(1)[2]);
    }

    @Test
    void aBusThatIsRetriedIsRetryingInAmberNotFailedInRed() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        String why = "the port /dev/ttyUSB7 could not be opened: Device or resource busy, next try in 4 s (retrying)";
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, "/dev/ttyUSB7 9600 8N1",
                "pylontech", BusState.FAILED, why, Instant.now())));
        assertTrue(harness.spinUntil(() -> rowsOfBus(part.view()).size() == 1
                && "Retrying".equals(rowsOfBus(part.view()).get(0)[2]), WAIT));
        TableItem row = part.view().table().getItem(indexOfBus(part.view()));
        assertEquals(StateColors.STALE.getRGB(), row.getForeground(2).getRGB(), "amber, not red");
        try {
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertTrue(harness.spinUntil(() -> "\u6b63\u5728\u91cd\u8bd5".equals(rowsOfBus(part.view()).get(0)[2]),
                    WAIT), rowsOfBus(part.view()).get(0)[2]);
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, "/dev/ttyUSB7 9600 8N1",
                "pylontech", BusState.FAILED, "no such port /dev/ttyUSB7", Instant.now().plusMillis(5))));
        assertTrue(harness.spinUntil(() -> "Failed".equals(rowsOfBus(part.view()).get(0)[2]), WAIT));
        row = part.view().table().getItem(indexOfBus(part.view()));
        assertEquals(StateColors.FAILED.getRGB(), row.getForeground(2).getRGB());
        assertEquals(ShownBusState.RETRYING, ShownBusState.of(BusState.RECONNECTING, ""));
        assertEquals(ShownBusState.RETRYING, ShownBusState.of("FAILED", "x (retrying)"));
        assertEquals(ShownBusState.FAILED, ShownBusState.of("FAILED", "x"));
        assertEquals(null, ShownBusState.of("ONLINE", ""));
    }

    @Test
    void aCutDetailHasTheWholeTextAsItsTooltipAndTheHeadersTheirTitles() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        String why = "the gateway 192.168.1.200:4196 refused the connection: Connection refused; the bus is reopened "
                + "after 0.5, 1, 2 ... 10 s (retrying)";
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, "192.168.1.200:4196",
                "modbus-native", BusState.FAILED, why, Instant.now())));
        publishPack(1, PackLinkState.OFFLINE);
        assertTrue(harness.spinUntil(() -> rowsOfBus(part.view()).size() == 2, WAIT));
        harness.shell.setSize(700, 400);
        harness.shell.layout(true, true);
        harness.spinFor(Duration.ofMillis(100));
        org.eclipse.swt.widgets.Table table = part.view().table();
        TableItem busRow = table.getItem(indexOfBus(part.view()));
        int detail = table.getColumnCount() - 1;
        org.eclipse.swt.graphics.Rectangle cell = busRow.getBounds(detail);
        String tip = part.view().toolTipAt(new org.eclipse.swt.graphics.Point(cell.x + 5, cell.y + cell.height / 2));
        assertEquals(busRow.getText(detail), tip, "the cut detail in full");
        assertTrue(tip.endsWith("(retrying)"), tip);
        org.eclipse.swt.graphics.Rectangle pack = busRow.getBounds(1);
        assertEquals(null, part.view().toolTipAt(new org.eclipse.swt.graphics.Point(pack.x + 2, pack.y + 2)),
                "a cell that fits has no tooltip");
        for (org.eclipse.swt.widgets.TableColumn c : table.getColumns()) {
            assertEquals(c.getText(), c.getToolTipText());
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
            int title = gc.textExtent(c.getText()).x;
            gc.dispose();
            assertTrue(c.getWidth() >= title + 12, c.getText() + " is cut: " + c.getWidth() + " < " + title);
        }
    }

    private int indexOfBus(BusOverviewView view) {
        TableItem[] items = view.table().getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getText(0).equals(bus)) {
                return i;
            }
        }
        throw new AssertionError("no row for bus " + bus);
    }

    @Test
    void aPartCreatedLateCatchesUpAtOnce() throws InterruptedException {
        publishBus(BusState.OPEN);
        publishPack(9, PackLinkState.ONLINE);
        harness.spinFor(Duration.ofMillis(300));
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        assertEquals(2, rowsOfBus(part.view()).size(), "state published before the part existed must be shown");
    }

    @Test
    void aHiddenPartDefersWorkUntilShown() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        BusOverviewView view = part.view();
        harness.spinFor(Duration.ofMillis(100));
        view.setVisible(false);
        long revisionBefore = view.shown().revision();
        publishBus(BusState.OPEN);
        publishPack(1, PackLinkState.ONLINE);
        harness.spinFor(Duration.ofMillis(500));
        assertEquals(revisionBefore, view.shown().revision(), "a hidden part must not refresh");
        view.setVisible(true);
        assertTrue(harness.spinUntil(() -> rowsOfBus(view).size() == 2, WAIT), "shown again, it catches up");
    }

    @Test
    void switchesLanguageWithoutBeingRecreated() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        publishBus(BusState.OPEN);
        assertTrue(harness.spinUntil(() -> rowsOfBus(part.view()).size() == 1, WAIT));
        assertEquals("Bus", part.view().table().getColumn(0).getText());
        try {
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            harness.spinFor(Duration.ofMillis(100));
            assertEquals("\u603b\u7ebf", part.view().table().getColumn(0).getText());
            assertEquals("\u5df2\u6253\u5f00", rowsOfBus(part.view()).get(0)[2]);
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
        harness.spinFor(Duration.ofMillis(100));
        assertEquals("Open", rowsOfBus(part.view()).get(0)[2]);
    }

    @Test
    void theSimulatedBusIsNamedInTheChosenLanguage() throws InterruptedException {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, BusStatus.SIMULATED_LABEL,
                "modbus-native", BusState.OPEN, "", Instant.now())));
        assertTrue(harness.spinUntil(() -> detailOfBus(part.view()).startsWith("Simulated bus"), WAIT),
                detailOfBus(part.view()));
        try {
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertTrue(harness.spinUntil(() -> detailOfBus(part.view()).startsWith("\u6a21\u62df\u603b\u7ebf"), WAIT),
                    detailOfBus(part.view()));
            assertTrue(detailOfBus(part.view()).contains("modbus-native"), "the protocol id stays as it is");
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
    }

    private String detailOfBus(BusOverviewView view) {
        for (TableItem item : view.table().getItems()) {
            if (item.getText(0).equals(bus)) {
                return item.getText(view.table().getColumnCount() - 1);
            }
        }
        return "";
    }

    @Test
    void withNoBusItExplainsWhatWillAppear() {
        BusOverviewPart part = harness.make(BusOverviewPart.class);
        part.view().show(new Overview(0, Instant.now(), List.of()));
        assertTrue(part.view().isShowingEmptyMessage());
        assertEquals("Buses and packs", part.view().summaryText());
    }

    private static int indexOf(BusOverviewView view, String pack) {
        TableItem[] items = view.table().getItems();
        for (int i = items.length - 1; i >= 0; i--) {
            if (items[i].getText(1).equals(pack)) {
                return i;
            }
        }
        throw new AssertionError("no row for pack " + pack);
    }
}
