package org.bmsworkbench.ui.record.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's and the settings dialog's checks. */
class FormsTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private ExportForm.Result export(String from, String to, String file) {
        return ExportForm.check(Set.of(1L), from, to, file, false, false, UTC);
    }

    @Test
    void exportAcceptsOpenEndsAndLocalTimesWithOrWithoutSeconds() {
        ExportForm.Result r = export("", " ", dir.resolve("a.xlsx").toString());
        assertTrue(r.ok());
        assertNull(r.choice().from());
        assertNull(r.choice().to());
        r = export("2026-12-06 14:30", "2026-12-06 18:00:05", dir.resolve("a.xlsx").toString());
        assertEquals(Instant.parse("2026-12-06T14:30:00Z"), r.choice().from());
        assertEquals(Instant.parse("2026-12-06T18:00:05Z"), r.choice().to());
        assertEquals(Set.of(1L), r.choice().packIds());
    }

    @Test
    void exportSaysWhatIsWrong() {
        String file = dir.resolve("a.xlsx").toString();
        assertEquals(ExportForm.Problem.FROM_INVALID, export("yesterday", "", file).problem());
        assertEquals(ExportForm.Problem.TO_INVALID, export("", "2026-13-01 00:00", file).problem());
        assertEquals(ExportForm.Problem.FROM_AFTER_TO,
                export("2026-12-06 18:00", "2026-12-06 14:00", file).problem());
        assertEquals(ExportForm.Problem.NO_FILE, export("", "", "  ").problem());
        assertEquals(ExportForm.Problem.FILE_INVALID, export("", "", dir.toString()).problem());
        assertEquals(ExportForm.Problem.FOLDER_MISSING,
                export("", "", dir.resolve("missing").resolve("a.xlsx").toString()).problem());
        assertEquals(ExportForm.Problem.NO_PACK,
                ExportForm.check(Set.of(), "", "", file, false, false, UTC).problem());
    }

    @Test
    void exportStyleAndExtension() {
        ExportForm.Result r = ExportForm.check(Set.of(1L, 2L), "", "", dir.resolve("a.csv").toString(), true, true,
                UTC);
        assertTrue(r.choice().csv());
        assertTrue(r.choice().european());
        assertEquals(false, ExportForm.check(Set.of(1L), "", "", dir.resolve("a.xlsx").toString(), false, true, UTC)
                .choice().european(), "the CSV style means nothing for XLSX");
        assertEquals("/x/s-PackNo.01.csv", ExportForm.withExtension("/x/s-PackNo.01.xlsx", true));
        assertEquals("/x/s.xlsx", ExportForm.withExtension("/x/s.CSV", false));
        assertEquals("/x/s.xlsx", ExportForm.withExtension("/x/s", false));
        assertEquals("2026-12-06 14:30:00", ExportForm.format(Instant.parse("2026-12-06T14:30:00Z"), UTC));
    }

    private static SettingsForm.Result settings(boolean size, String gb, boolean age, String days, String rows) {
        return SettingsForm.check("/data/rec", size, gb, age, days, rows, Decimation.FIVE_SECONDS);
    }

    @Test
    void settingsAcceptKeepAllSizeAgeAndTheRowRange() {
        SettingsForm.Result r = settings(false, "junk", false, "junk", "10000");
        assertTrue(r.ok(), "unused limits are not read");
        assertTrue(r.settings().retention().keepsAll());
        assertEquals(Decimation.FIVE_SECONDS, r.settings().decimation());
        assertEquals(Path.of("/data/rec"), r.settings().folder());
        r = settings(true, "1.5", true, "30", "0");
        assertEquals(3L << 29, r.settings().retention().maxBytes());
        assertEquals(Duration.ofDays(30), r.settings().retention().maxAge());
        assertEquals(0, r.settings().autoSaveRows());
        assertEquals("1.50", SettingsForm.gigabytes(r.settings().retention()));
        assertEquals("30", SettingsForm.days(r.settings().retention()));
        assertEquals(RecordingSettings.MAX_AUTO_SAVE_ROWS,
                settings(false, "", false, "", "1,048,575").settings().autoSaveRows());
    }

    @Test
    void settingsSayWhatIsWrong() {
        assertEquals(SettingsForm.Problem.NO_FOLDER,
                SettingsForm.check(" ", false, "", false, "", "1", Decimation.EVERY_POLL).problem());
        assertEquals(SettingsForm.Problem.SIZE_INVALID, settings(true, "0", false, "", "1").problem());
        assertEquals(SettingsForm.Problem.SIZE_INVALID, settings(true, "lots", false, "", "1").problem());
        assertEquals(SettingsForm.Problem.AGE_INVALID, settings(false, "", true, "0", "1").problem());
        assertEquals(SettingsForm.Problem.AGE_INVALID, settings(false, "", true, "1.5", "1").problem());
        assertEquals(SettingsForm.Problem.ROWS_INVALID, settings(false, "", false, "", "1048576").problem());
        assertEquals(SettingsForm.Problem.ROWS_INVALID, settings(false, "", false, "", "-1").problem());
        assertEquals(SettingsForm.Problem.ROWS_INVALID, settings(false, "", false, "", "").problem());
    }
}
