package org.bmsworkbench.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionSummary;
import org.bmsworkbench.record.store.SessionWriter;
import org.bmsworkbench.ui.record.model.SessionList;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Real-time Data and Recordings parts in a Shell with e4 DI, the real EventAdmin, pack selection and bus-state
 * registry, reading session files written with {@link SessionWriter}; the recorder service is a stub that names
 * the file and posts its status.
 */
class RecordPartsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CELLS = 16;
    private static final int TEMPS = 4;
    private static final String CELL_OV_TEXT = "Cell-OV";

    @TempDir
    Path dir;

    private PartHarness harness;
    private static StubRecorder recorder;
    private String bus;
    private Path file;
    private SessionWriter writer;
    private Instant t0;

    @BeforeAll
    static void register() {
        recorder = new StubRecorder();
    }

    @AfterAll
    static void unregister() {
        recorder.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        harness = new PartHarness();
        harness.shell.setSize(1100, 500);
        Path folder = Files.createDirectories(dir.resolve("recordings"));
        recorder.reset(folder, Files.createDirectories(dir.resolve("exports")));
        bus = "record-" + UUID.randomUUID().toString().substring(0, 8);
        file = folder.resolve("session-1" + Schema.EXTENSION);
        t0 = Instant.parse("2026-12-06T10:00:00Z");
        writer = SessionWriter.create(file, Map.of("host", "test"), 0);
        writer.bus(new BusStatus(bus, "Simulated bus", "modbus-native", BusState.OPEN, "", t0));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        writer.close();
    }

    private static PackSnapshot snapshot(int address, Instant time, double volts, boolean alarm) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(time).set(Quantity.VOLTAGE, volts)
                .set(Quantity.CURRENT, -4.5).set(Quantity.SOC, 80).set(Quantity.MIN_CELL_VOLTAGE, 3.301)
                .set(Quantity.MAX_CELL_VOLTAGE, 3.315).reported(FlagCategory.ALARM);
        for (int i = 0; i < CELLS; i++) {
            b.cellVoltage(i, 3.301 + i * 0.001);
        }
        b.temperature(0, 25.0).temperature(1, 26.5).temperatureCount(TEMPS);
        if (alarm) {
            b.flag(PackFlag.CELL_OV, true);
        }
        return b.build();
    }

    /** Appends rows 1..n (continuing) to pack {@code address}; returns the pack's row count. */
    private long append(int address, int rows, long already) throws Exception {
        for (int i = 0; i < rows; i++) {
            long seq = already + i + 1;
            writer.snapshot(bus, snapshot(address, t0.plusSeconds(seq), 50 + seq / 100.0, seq % 10 == 0));
        }
        writer.commit();
        return already + rows;
    }

    private void post(RecordingStatus status) throws InterruptedException {
        harness.postFromBusThread(BmsTopics.RECORDING_STATE, EventProperties.of(status));
    }

    private void selectPackOne() throws InterruptedException {
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(
                new BusStatus(bus, "Simulated bus", "modbus-native", BusState.OPEN, "", Instant.now())));
        for (int a : new int[] { 1, 2 }) {
            harness.postFromBusThread(BmsTopics.PACK_STATE,
                    EventProperties.of(new PackStatus(bus, a, PackLinkState.ONLINE, Instant.now(), Instant.now())));
        }
        PackSelection selection = harness.service(PackSelection.class);
        assertTrue(harness.spinUntil(() -> selection.select(bus, 1), WAIT), "the selection must not be locked");
    }

    private static int rows(RealtimeDataPart part) {
        DataLayer body = part.view().selectedBody();
        return body == null ? -1 : body.getRowCount();
    }

    private static int lastVisibleRow(RealtimeDataPart part) {
        ViewportLayer v = part.view().selectedViewport();
        return v.getOriginRowPosition() + v.getRowCount() - 1;
    }

    private RealtimeDataPart dataPart(long packOne, long packTwo) throws Exception {
        selectPackOne();
        post(recorder.recording(file, Map.of(bus + "#1", packOne, bus + "#2", packTwo)));
        RealtimeDataPart part = harness.make(RealtimeDataPart.class);
        assertTrue(harness.spinUntil(() -> part.view().tabTitles().size() == 2 && rows(part) == packOne, WAIT),
                "two tabs and " + packOne + " rows expected: " + part.view().tabTitles() + ", " + rows(part));
        harness.spinFor(Duration.ofMillis(100));
        return part;
    }

    @Test
    void showsOneTabPerPackAndTheManualsColumns() throws Exception {
        long one = append(1, 300, 0);
        append(2, 20, 0);
        RealtimeDataPart part = dataPart(one, 20);
        assertEquals(List.of("PackNo.01", "PackNo.02"), part.view().tabTitles());
        DataLayer header = part.view().selectedHeader();
        DataLayer body = part.view().selectedBody();
        int columns = body.getColumnCount();
        assertEquals(2 + 12 + TEMPS + CELLS + 1, columns);
        String[] expected = { "PackNo", "Time", "Pack voltage (V)", "Pack current (A)", "SOC %", "SOH %",
                "Residual capacity (Ah)", "Design capacity (Ah)", "Cycle times", "MinV (mV)", "MaxV (mV)",
                "Outside voltage (V)", "Positive insulation (k\u03a9)", "Negative insulation (k\u03a9)", "T1 (\u00b0C)" };
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], header.getDataValueByPosition(c, 0));
        }
        assertEquals("V1 (mV)", header.getDataValueByPosition(14 + TEMPS, 0));
        assertEquals("Alarms", header.getDataValueByPosition(columns - 1, 0));
        assertEquals("PackNo.01", body.getDataValueByPosition(0, 0));
        assertEquals("50.01", body.getDataValueByPosition(2, 0));
        assertEquals("-4.50", body.getDataValueByPosition(3, 0));
        assertEquals("80.0", body.getDataValueByPosition(4, 0));
        assertEquals("", body.getDataValueByPosition(5, 0), "SOH was not reported: empty, not 0");
        assertEquals("3301", body.getDataValueByPosition(9, 0));
        assertEquals("25.0", body.getDataValueByPosition(14, 0));
        assertEquals("", body.getDataValueByPosition(16, 0), "an absent sensor stays empty");
        assertEquals("3301", body.getDataValueByPosition(14 + TEMPS, 0));
        assertEquals("", body.getDataValueByPosition(columns - 1, 0));
        assertEquals(CELL_OV_TEXT, body.getDataValueByPosition(columns - 1, 9), "row 10 has an alarm");
        assertEquals("53.00", body.getDataValueByPosition(2, 299), "the 300th row, read from another page");
        assertTrue(part.view().titleText().contains("Simulated bus"), part.view().titleText());
    }

    @Test
    void followsTheNewestRowStopsWhenScrolledUpAndResumesAtTheBottom() throws Exception {
        long count = append(1, 300, 0);
        append(2, 5, 0);
        RealtimeDataPart part = dataPart(count, 5);
        assertTrue(part.view().following());
        assertEquals(299, lastVisibleRow(part), "the newest row is in sight");

        count = append(1, 20, count);
        post(recorder.recording(file, Map.of(bus + "#1", count, bus + "#2", 5L)));
        long c1 = count;
        assertTrue(harness.spinUntil(() -> rows(part) == c1 && lastVisibleRow(part) == c1 - 1, WAIT),
                "follows to row " + c1 + ", shows " + lastVisibleRow(part));

        dragScrollBar(part, false);
        assertFalse(part.view().following(), "scrolled up: not following");
        assertTrue(part.view().statusText().contains("not following"), part.view().statusText());
        count = append(1, 10, count);
        post(recorder.recording(file, Map.of(bus + "#1", count, bus + "#2", 5L)));
        long c2 = count;
        assertTrue(harness.spinUntil(() -> rows(part) == c2, WAIT));
        assertEquals(0, part.view().selectedViewport().getOriginRowPosition(), "the view stays where the user left it");

        dragScrollBar(part, true);
        assertTrue(part.view().following(), "back at the bottom: following again");
        count = append(1, 10, count);
        post(recorder.recording(file, Map.of(bus + "#1", count, bus + "#2", 5L)));
        long c3 = count;
        assertTrue(harness.spinUntil(() -> rows(part) == c3 && lastVisibleRow(part) == c3 - 1, WAIT));
    }

    /** Moves the table's vertical scroll bar to the top or the bottom, as a user drags it. */
    private void dragScrollBar(RealtimeDataPart part, boolean bottom) {
        ScrollBar bar = part.view().selectedTable().getVerticalBar();
        bar.setSelection(bottom ? bar.getMaximum() - bar.getThumb() : 0);
        bar.notifyListeners(SWT.Selection, new Event());
        harness.spinFor(Duration.ofMillis(50));
    }

    @Test
    void dataClearanceClearsTheViewNotTheRecording() throws Exception {
        long count = append(1, 40, 0);
        append(2, 5, 0);
        RealtimeDataPart part = dataPart(count, 5);
        part.view().clearSelected();
        assertEquals(0, rows(part));
        assertTrue(part.view().statusText().contains("40 rows cleared"), part.view().statusText());
        count = append(1, 3, count);
        post(recorder.recording(file, Map.of(bus + "#1", count, bus + "#2", 5L)));
        assertTrue(harness.spinUntil(() -> rows(part) == 3, WAIT), "only the rows after the clearance");
        DataLayer body = part.view().selectedBody();
        assertEquals("50.41", body.getDataValueByPosition(2, 0), "row 41 comes first");
        part.view().restoreSelected();
        assertEquals(43, rows(part), "the recording kept every row");
    }

    @Test
    void recordingsListsTheSessionsMarksTheCurrentOneAndDeletesOnlyAfterConfirmation() throws Exception {
        append(1, 12, 0);
        Path older = dir.resolve("recordings").resolve("session-0" + Schema.EXTENSION);
        try (SessionWriter w = SessionWriter.create(older, Map.of(), 0)) {
            w.bus(new BusStatus("bus-9", "/dev/ttyUSB0", "pylontech", BusState.OPEN, "", t0));
            w.snapshot("bus-9", snapshot(3, t0, 48.2, false));
            w.commit();
        }
        post(recorder.recording(file, Map.of(bus + "#1", 12L)));
        RecordingsPart part = harness.make(RecordingsPart.class);
        assertTrue(harness.spinUntil(() -> part.view().lines().size() == 2, WAIT), "two sessions");
        assertTrue(part.view().folderText().contains(dir.resolve("recordings").toString()), part.view().folderText());
        SessionList.Line current = part.view().lines().stream().filter(SessionList.Line::current).findFirst()
                .orElseThrow();
        assertEquals(file, current.summary().file());
        assertEquals("12", current.rows());
        SessionList.Line other = part.view().lines().stream().filter(l -> !l.current()).findFirst().orElseThrow();
        assertEquals("/dev/ttyUSB0", other.buses());
        assertEquals("1", other.rows());

        int[] asked = new int[3];
        SessionList.Prompt no = prompt(false, asked);
        assertEquals(SessionList.Deletion.REFUSED_CURRENT, SessionList.delete(current.summary(), recorder, no));
        assertEquals(SessionList.Deletion.CANCELLED, SessionList.delete(other.summary(), recorder, no));
        assertTrue(Files.exists(older));
        assertEquals(SessionList.Deletion.DELETED, SessionList.delete(other.summary(), recorder, prompt(true, asked)));
        assertFalse(Files.exists(older));
        assertEquals(1, asked[1], "the current session was refused without a question");
        assertEquals(2, asked[0]);
        part.view().select(0);
        assertTrue(part.view().selected() != null);
    }

    private static SessionList.Prompt prompt(boolean answer, int[] asked) {
        return new SessionList.Prompt() {
            @Override
            public boolean confirmDelete(SessionSummary session) {
                asked[0]++;
                return answer;
            }

            @Override
            public void refusedCurrent(SessionSummary session) {
                asked[1]++;
            }

            @Override
            public void failed(SessionSummary session, IOException error) {
                asked[2]++;
            }
        };
    }
}
