package org.bmsworkbench.ui.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bmsworkbench.core.live.LiveData;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.ui.parallel.model.GridRow;
import org.bmsworkbench.ui.parallel.model.ParallelGrid;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.copy.action.CopyDataAction;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.CellStyleUtil;
import org.eclipse.nebula.widgets.nattable.style.IStyle;
import org.eclipse.nebula.widgets.nattable.ui.action.IKeyAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Parallel Monitoring part in a Shell, fed through the real EventAdmin, the real live-data store, pack
 * selection and bus-state registry components.
 */
class ParallelGridPartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int VOLTAGE_ROW = ParallelGrid.SUMMARY.indexOf(Quantity.VOLTAGE);
    private static final int CURRENT_ROW = ParallelGrid.SUMMARY.indexOf(Quantity.CURRENT);

    private PartHarness harness;
    private String bus;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        bus = "parallel-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static PackSnapshot.Builder pack(int address, double volts, int cells) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(Instant.now()).set(Quantity.VOLTAGE, volts)
                .set(Quantity.CURRENT, 4.5).set(Quantity.SOC, 80).temperature(0, 25.0);
        for (int i = 0; i < cells; i++) {
            b.cellVoltage(i, 3.300 + i * 0.001);
        }
        return b;
    }

    private void publishSnapshot(PackSnapshot.Builder snapshot) throws InterruptedException {
        harness.postFromBusThread(BmsTopics.PACK_SNAPSHOT,
                EventProperties.of(new PackData(bus, snapshot.build(), true)));
    }

    private void publishBusAndPacks(int... addresses) throws InterruptedException {
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(
                new BusStatus(bus, "Simulated bus", "modbus-native", BusState.OPEN, "", Instant.now())));
        for (int address : addresses) {
            publishState(address, PackLinkState.ONLINE, Instant.now());
        }
    }

    private void publishState(int address, PackLinkState state, Instant lastGoodAnswer) throws InterruptedException {
        harness.postFromBusThread(BmsTopics.PACK_STATE,
                EventProperties.of(new PackStatus(bus, address, state, lastGoodAnswer, Instant.now())));
    }

    /** Two online packs of a fresh bus, shown in a new part; pack 1 is selected. */
    private ParallelGridPart partWithTwoPacks() throws InterruptedException {
        ParallelGridPart part = harness.make(ParallelGridPart.class);
        publishBusAndPacks(1, 2);
        publishSnapshot(pack(1, 53.25, 16));
        publishSnapshot(pack(2, 52.5, 16));
        assertTrue(harness.service(PackSelection.class).select(bus, 1), "the selection must not be locked");
        // the selection is shared by all tests: wait for this test's bus, not a previous one with the same shape
        assertTrue(harness.spinUntil(() -> columns(part) == 2 && "53.25".equals(value(part, 0, VOLTAGE_ROW))
                && "52.50".equals(value(part, 1, VOLTAGE_ROW)), WAIT),
                "two packs expected, grid has " + columns(part) + " columns");
        harness.spinFor(Duration.ofMillis(100));
        return part;
    }

    private static int columns(ParallelGridPart part) {
        return part.view().bodyDataLayer().getColumnCount();
    }

    private static Object value(ParallelGridPart part, int column, int row) {
        return column < columns(part) ? part.view().bodyDataLayer().getDataValueByPosition(column, row) : null;
    }

    private static Object columnTitle(ParallelGridPart part, int column) {
        return part.view().columnHeaderDataLayer().getDataValueByPosition(column, 0);
    }

    private static List<String> labels(ParallelGridPart part, int column, int row) {
        return part.view().bodyDataLayer().getConfigLabelsByPosition(column, row);
    }

    /** The style NatTable paints a body cell with; the viewport is at the top left, so grid = body + 1. */
    private static IStyle style(ParallelGridPart part, int column, int row) {
        NatTable table = part.view().natTable();
        ILayerCell cell = table.getCellByPosition(column + 1, row + 1);
        assertNotNull(cell, "cell " + column + "," + row + " is not visible");
        return CellStyleUtil.getCellStyle(cell, table.getConfigRegistry());
    }

    @Test
    void showsEveryPackOfTheSelectedPacksBusSideBySide() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        ParallelGridView view = part.view();
        assertFalse(view.isShowingEmptyMessage());
        assertEquals("Pack 1", columnTitle(part, 0));
        assertEquals("Pack 2", columnTitle(part, 1));
        assertEquals("Pack voltage (V)", view.rowHeaderDataLayer().getDataValueByPosition(0, VOLTAGE_ROW));
        assertEquals("53.25", value(part, 0, VOLTAGE_ROW));
        assertEquals("4.50", value(part, 0, CURRENT_ROW));
        int firstCell = part.view().grid().rows().indexOf(GridRow.cell(0));
        assertEquals("Cell 1 (mV)", view.rowHeaderDataLayer().getDataValueByPosition(0, firstCell));
        assertEquals("3300", value(part, 0, firstCell));
        assertEquals("3315", value(part, 1, firstCell + 15));
        assertTrue(labels(part, 0, VOLTAGE_ROW).contains(ParallelGridView.LABEL_SELECTED_PACK));
        assertFalse(labels(part, 1, VOLTAGE_ROW).contains(ParallelGridView.LABEL_SELECTED_PACK));
        assertTrue(view.summaryText().startsWith(bus), view.summaryText());
    }

    @Test
    void aPackInAlarmIsColoured() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        publishSnapshot(pack(2, 58.9, 16).flag(PackFlag.PACK_OV, true));
        assertTrue(harness.spinUntil(() -> "58.90".equals(value(part, 1, VOLTAGE_ROW)), WAIT));
        assertTrue(labels(part, 1, VOLTAGE_ROW).contains(ParallelGridView.LABEL_ALARM));
        assertFalse(labels(part, 0, VOLTAGE_ROW).contains(ParallelGridView.LABEL_ALARM));
        assertFalse(labels(part, 1, CURRENT_ROW).contains(ParallelGridView.LABEL_ALARM));
        Color background = style(part, 1, VOLTAGE_ROW).getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR);
        assertEquals(ParallelGridView.ALARM_BACKGROUND.getRGB(), background.getRGB());
        Color normal = style(part, 1, CURRENT_ROW).getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR);
        assertFalse(ParallelGridView.ALARM_BACKGROUND.getRGB().equals(normal.getRGB()));
    }

    @Test
    void aStalePackIsMarkedAndItsValuesAreGrey() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        publishState(2, PackLinkState.STALE, Instant.now().minusSeconds(30));
        assertTrue(harness.spinUntil(() -> "Pack 2 (Stale)".equals(columnTitle(part, 1)), WAIT),
                "column title is " + columnTitle(part, 1));
        assertEquals("Pack 1", columnTitle(part, 0));
        assertEquals("52.50", value(part, 1, VOLTAGE_ROW), "the last values stay visible");
        assertTrue(labels(part, 1, VOLTAGE_ROW).contains(ParallelGridView.LABEL_STALE));
        assertFalse(labels(part, 0, VOLTAGE_ROW).contains(ParallelGridView.LABEL_STALE));
        Color foreground = style(part, 1, VOLTAGE_ROW).getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR);
        assertEquals(ParallelGridView.STALE_FOREGROUND.getRGB(), foreground.getRGB());
        assertTrue(part.view().columnHeaderDataLayer().getConfigLabelsByPosition(1, 0)
                .contains(ParallelGridView.LABEL_HEADER_STALE));
    }

    @Test
    void aSnapshotOlderThanTheStaleLimitIsNeverShownAsCurrent() throws InterruptedException {
        ParallelGridPart part = harness.make(ParallelGridPart.class);
        publishSnapshot(pack(7, 50.0, 4).time(Instant.now().minusSeconds(60)));
        assertTrue(harness.service(PackSelection.class).select(bus, 7));
        assertTrue(harness.spinUntil(() -> "Pack 7 (Stale)".equals(columns(part) == 1 ? columnTitle(part, 0) : null),
                WAIT), "a pack the registry does not know is judged by the age of its snapshot");
        assertEquals("50.00", value(part, 0, VOLTAGE_ROW));
        assertTrue(labels(part, 0, VOLTAGE_ROW).contains(ParallelGridView.LABEL_STALE));
    }

    @Test
    void ctrlCCopiesTheSelectionWithTitlesAsTabSeparatedText() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        NatTable table = part.view().natTable();
        part.view().selectAll();
        Event event = new Event();
        event.widget = table;
        event.display = table.getDisplay();
        event.stateMask = SWT.MOD1;
        event.keyCode = 'c';
        event.character = 'c';
        KeyEvent ctrlC = new KeyEvent(event);
        IKeyAction action = table.getUiBindingRegistry().getKeyEventAction(ctrlC);
        assertInstanceOf(CopyDataAction.class, action, "Ctrl+C must be bound to NatTable's copy");
        action.run(table, ctrlC);
        Clipboard clipboard = new Clipboard(table.getDisplay());
        String text;
        try {
            text = (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
        assertNotNull(text, "nothing on the clipboard");
        String[] lines = text.split("\\R");
        assertEquals(part.view().grid().rowCount() + 1, lines.length, "a title line and one line per row");
        assertEquals("Name\tPack 1\tPack 2", lines[0]);
        assertEquals("Pack voltage (V)\t53.25\t52.50", lines[1 + VOLTAGE_ROW]);
        assertTrue(lines[1 + part.view().grid().rows().indexOf(GridRow.cell(0))].startsWith("Cell 1 (mV)\t3300\t3300"));
    }

    @Test
    void valuesRefreshVisuallyAndTheStructureOnlyWhenItChanges() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        ParallelGridView view = part.view();
        long structural = view.structuralRefreshes();
        long visual = view.visualRefreshes();
        int rows = part.view().grid().rowCount();
        publishSnapshot(pack(1, 54.0, 16));
        assertTrue(harness.spinUntil(() -> "54.00".equals(value(part, 0, VOLTAGE_ROW)), WAIT));
        assertEquals(structural, view.structuralRefreshes(), "new values must not rebuild the table");
        assertTrue(view.visualRefreshes() > visual);
        publishSnapshot(pack(1, 54.0, 24));
        assertTrue(harness.spinUntil(() -> part.view().grid().rowCount() == rows + 8, WAIT));
        assertTrue(view.structuralRefreshes() > structural);
        assertEquals(rows + 8, view.bodyDataLayer().getRowCount());
        assertEquals(rows + 8, view.rowHeaderDataLayer().getRowCount());
    }

    @Test
    void aHiddenPartDoesNoWorkAndCatchesUpWhenShown() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        ParallelGridView view = part.view();
        view.setVisible(false);
        harness.spinFor(Duration.ofMillis(50));
        long shown = view.structuralRefreshes() + view.visualRefreshes();
        long revision = harness.service(LiveData.class).revision();
        publishSnapshot(pack(1, 49.5, 16));
        assertTrue(harness.spinUntil(() -> harness.service(LiveData.class).revision() > revision, WAIT),
                "the store must hold the new snapshot while the part is hidden");
        harness.spinFor(Duration.ofMillis(400));
        assertEquals(shown, view.structuralRefreshes() + view.visualRefreshes(), "a hidden part must not refresh");
        assertEquals("53.25", value(part, 0, VOLTAGE_ROW));
        view.setVisible(true);
        assertTrue(harness.spinUntil(() -> "49.50".equals(value(part, 0, VOLTAGE_ROW)), WAIT),
                "shown again, it catches up");
    }

    @Test
    void switchesLanguageWithoutBeingRecreated() throws InterruptedException {
        ParallelGridPart part = partWithTwoPacks();
        ParallelGridView view = part.view();
        try {
            harness.setLocale(Locale.SIMPLIFIED_CHINESE);
            harness.spinFor(Duration.ofMillis(100));
            assertEquals("\u7535\u6c60\u5305 1", columnTitle(part, 0));
            assertEquals("\u603b\u7535\u538b (V)", view.rowHeaderDataLayer().getDataValueByPosition(0, VOLTAGE_ROW));
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
        harness.spinFor(Duration.ofMillis(100));
        assertEquals("Pack 1", columnTitle(part, 0));
        assertEquals("Pack voltage (V)", view.rowHeaderDataLayer().getDataValueByPosition(0, VOLTAGE_ROW));
    }

    @Test
    void withNoPackItExplainsWhatWillAppear() throws InterruptedException {
        ParallelGridPart part = harness.make(ParallelGridPart.class);
        assertTrue(harness.service(PackSelection.class).select(bus, 3));
        assertTrue(harness.spinUntil(() -> part.view().isShowingEmptyMessage(), WAIT));
        assertEquals(0, columns(part));
    }
}
