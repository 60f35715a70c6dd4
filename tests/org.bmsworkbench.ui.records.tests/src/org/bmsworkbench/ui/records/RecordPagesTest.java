package org.bmsworkbench.ui.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.connection.BusSettings;
import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.record.RecordingService;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both record pages in a Shell, reading a simulated bus through the real connection service. */
class RecordPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private PartHarness harness;
    private ConnectionService connection;
    private String busId;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        connection = harness.service(ConnectionService.class);
        busId = connection.open(BusSettings.parse(
                "sim:2,cells=16,temps=4,baud=0,interval=100,profile=rest,records=300"));
    }

    @AfterEach
    void tearDown() {
        connection.close(busId);
        harness.close();
    }

    private <P extends RecordsPart> P page(Class<P> type) {
        P part = harness.make(type);
        PackSelection selection = harness.service(PackSelection.class);
        assertTrue(harness.spinUntil(() -> {
            selection.select(busId, 1);
            return part.view().titleText().contains(busId);
        }, WAIT), part.view().titleText());
        return part;
    }

    private void read(RecordsPart part, boolean onlyNew) {
        (onlyNew ? part.view().readNewButton() : part.view().readButton()).notifyListeners(SWT.Selection, null);
        assertTrue(harness.spinUntil(() -> !part.view().reading() && part.view().statusText().startsWith("Done")
                || part.view().statusText().startsWith("No new"), WAIT), part.view().statusText());
    }

    private static long storedRows(Path session) {
        try {
            try (java.sql.Connection db = org.bmsworkbench.record.store.SessionFiles.openReadOnly(session);
                    java.sql.Statement st = db.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM device_record WHERE kind = 'data'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> headers(Table t) {
        return java.util.Arrays.stream(t.getColumns()).map(c -> c.getText()).toList();
    }

    @Test
    void theDataRecordPageReadsEveryRecordOfTheSelectedPackThenOnlyNewOnes() throws Exception {
        DataRecordPart part = page(DataRecordPart.class);
        read(part, false);
        Table grid = part.view().grid();
        assertTrue(grid.getItemCount() >= 300, "records shown: " + grid.getItemCount());
        assertEquals(List.of("Seq", "PackNo", "Time", "Mode", "Voltage (V)", "Current (A)", "SOC (%)", "MinV (mV)",
                "MaxV (mV)", "Env (\u00b0C)", "FET (\u00b0C)", "T1 (\u00b0C)", "T2 (\u00b0C)", "T3 (\u00b0C)",
                "T4 (\u00b0C)", "Note"), headers(grid));
        assertEquals("1", grid.getItem(0).getText(0));
        assertEquals("1", grid.getItem(0).getText(1));
        assertTrue(part.view().statusText().startsWith("Done: " + grid.getItemCount() + " records read"),
                part.view().statusText());
        assertEquals(1000, part.view().bar().getSelection());

        int before = grid.getItemCount();
        // kept in the session recording by the recorder's writer thread
        RecordingService recording = harness.service(RecordingService.class);
        Path session = recording.currentFile().orElseThrow();
        assertTrue(harness.spinUntil(() -> storedRows(session) >= before, WAIT), "rows in " + session);
        read(part, true);
        assertEquals(before, grid.getItemCount(), "Read new added nothing: the board stored nothing since");
        assertTrue(part.view().statusText().startsWith("No new records"), part.view().statusText());

        // sorting by a column, the time filter, Delete
        grid.getColumn(0).notifyListeners(SWT.Selection, null);
        harness.spinFor(Duration.ofMillis(50));
        assertEquals(Integer.toString(before), grid.getItem(0).getText(0), "newest first: it was sorted by Seq up");
        grid.getColumn(4).notifyListeners(SWT.Selection, null);
        harness.spinFor(Duration.ofMillis(50));
        double low = Double.parseDouble(grid.getItem(0).getText(4));
        for (int i = 1; i < 20; i++) {
            assertTrue(Double.parseDouble(grid.getItem(i).getText(4)) >= low, "sorted by voltage");
        }
        String time = grid.getItem(5).getText(2);
        part.view().fromText().setText(time.substring(0, 16));
        part.view().toText().setText(time.substring(0, 16));
        part.view().filterButton().notifyListeners(SWT.Selection, null);
        assertTrue(harness.spinUntil(() -> grid.getItemCount() == 1, WAIT), "one record in that minute");
        part.view().deleteButton().notifyListeners(SWT.Selection, null);
        assertTrue(harness.spinUntil(() -> grid.getItemCount() == 0, WAIT));
    }

    @Test
    void theAlarmRecordPageShowsCodesWithTheirTextFiltersByTypeAndExports() throws Exception {
        AlarmRecordPart part = page(AlarmRecordPart.class);
        read(part, false);
        Table grid = part.view().grid();
        assertEquals(60, grid.getItemCount(), "a fifth of 300");
        List<String> h = headers(grid);
        assertEquals("Alarm", h.get(7));
        assertEquals("Alarm information", h.get(8));
        for (int i = 0; i < grid.getItemCount(); i++) {
            String code = grid.getItem(i).getText(7);
            String info = grid.getItem(i).getText(8);
            assertTrue(code.startsWith("0x"), code);
            assertTrue(info.endsWith(" raised") || info.endsWith(" released"), info);
        }
        part.view().typeCombo().select(2); // protections
        part.view().typeCombo().notifyListeners(SWT.Selection, null);
        assertTrue(harness.spinUntil(() -> grid.getItemCount() > 0 && grid.getItemCount() < 60, WAIT));
        for (int i = 0; i < grid.getItemCount(); i++) {
            assertTrue(grid.getItem(i).getText(7).matches("0x[08]2.."), grid.getItem(i).getText(7));
        }
        int shown = grid.getItemCount();
        Path csv = dir.resolve("alarms.csv");
        part.export(csv).join();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(shown + 1, lines.size(), "the header and the rows shown");
        assertTrue(lines.get(0).contains("Alarm information"), lines.get(0));
        Path xlsx = dir.resolve("alarms.xlsx");
        part.export(xlsx).join();
        assertTrue(Files.size(xlsx) > 1000);
        assertTrue(harness.spinUntil(() -> part.view().statusText().contains("saved to"), WAIT));

        harness.setLocale(Locale.CHINESE);
        try {
            assertTrue(harness.spinUntil(() -> headers(grid).contains("\u544a\u8b66\u4fe1\u606f")
                    && grid.getItem(0).getText(8).matches(".*(\u53d1\u751f|\u89e3\u9664)"), WAIT),
                    headers(grid) + " " + grid.getItem(0).getText(8));
            assertTrue(harness.spinUntil(() -> part.view().titleText().contains(busId + " (\u6a21\u62df\u603b\u7ebf)"),
                    WAIT), "the simulated bus in the user's words: " + part.view().titleText());
        } finally {
            harness.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void stopEndsTheReadAndKeepsWhatWasRead() {
        DataRecordPart part = page(DataRecordPart.class);
        part.view().readButton().notifyListeners(SWT.Selection, null);
        assertTrue(part.view().stopButton().getEnabled(), "Stop while reading");
        part.view().stopButton().notifyListeners(SWT.Selection, null);
        assertTrue(harness.spinUntil(() -> !part.view().reading(), WAIT), part.view().statusText());
        assertTrue(part.view().statusText().startsWith("Stopped") || part.view().statusText().startsWith("Done"),
                part.view().statusText());
        assertTrue(part.view().readButton().getEnabled());
    }
}
