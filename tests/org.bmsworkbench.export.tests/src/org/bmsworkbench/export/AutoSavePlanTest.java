package org.bmsworkbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoSavePlanTest {

    @TempDir
    Path dir;

    private static List<String> ranges(List<AutoSavePlan.Save> saves) {
        return saves.stream().map(s -> s.packKey() + ":" + s.fromSeq() + "-" + s.toSeq()).toList();
    }

    @Test
    void everyNNewRowsOfAPackMakeOneFileOfExactlyThoseRows() {
        AutoSavePlan plan = new AutoSavePlan();
        assertEquals(List.of(), plan.update("/r/a.sqlite", Map.of("bus-1#1", 2L), 3));
        assertEquals(List.of("bus-1#1:1-3", "bus-1#1:4-6", "bus-1#2:1-3"),
                ranges(plan.update("/r/a.sqlite", Map.of("bus-1#1", 7L, "bus-1#2", 3L), 3)));
        assertEquals(List.of(), plan.update("/r/a.sqlite", Map.of("bus-1#1", 8L, "bus-1#2", 5L), 3));
        List<AutoSavePlan.Save> next = plan.update("/r/a.sqlite", Map.of("bus-1#1", 9L, "bus-1#2", 5L), 3);
        assertEquals(List.of("bus-1#1:7-9"), ranges(next));
        assertEquals("bus-1", next.get(0).busId());
        assertEquals(1, next.get(0).address());
        assertEquals(3, next.get(0).rows());
    }

    @Test
    void aNewSessionStartsFromItsFirstRow() {
        AutoSavePlan plan = new AutoSavePlan();
        plan.update("/r/a.sqlite", Map.of("bus-1#1", 6L), 3);
        assertEquals(List.of("bus-1#1:1-3"), ranges(plan.update("/r/b.sqlite", Map.of("bus-1#1", 4L), 3)));
        assertEquals(List.of(), plan.update("", Map.of(), 3));
    }

    @Test
    void rowsRecordedWhileOffAreNotSavedLater() {
        AutoSavePlan plan = new AutoSavePlan();
        assertEquals(List.of(), plan.update("/r/a.sqlite", Map.of("bus-1#1", 50L), 0));
        assertEquals(List.of(), plan.update("/r/a.sqlite", Map.of("bus-1#1", 52L), 3));
        assertEquals(List.of("bus-1#1:51-53"), ranges(plan.update("/r/a.sqlite", Map.of("bus-1#1", 53L), 3)));
    }

    @Test
    void theMaximumSettingNeverPassesExcelsRowLimit() {
        AutoSavePlan plan = new AutoSavePlan();
        List<AutoSavePlan.Save> saves = plan.update("/r/a.sqlite", Map.of("bus-1#1", 3_000_000L), 1_048_575);
        assertEquals(2, saves.size());
        assertTrue(saves.stream().allMatch(s -> s.rows() == 1_048_575));
    }

    @Test
    void fileNamesFollowTheSessionAndPack() {
        AutoSavePlan.Save s = new AutoSavePlan.Save("/r/session-20261206-100000.sqlite", "bus-1#1", "bus-1", 1, 1,
                10_000);
        assertEquals("session-20261206-100000-PackNo.01-1-10000.xlsx", AutoSaver.fileName(s, Map.of("bus-1#1", 1L)));
        assertEquals("session-20261206-100000-bus-1-PackNo.01-1-10000.xlsx",
                AutoSaver.fileName(s, Map.of("bus-1#1", 1L, "bus-2#1", 1L)));
    }

    @Test
    void anAutomaticSaveWritesThatRangeOfThatPack() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("auto.sqlite"), 6);
        AutoSavePlan.Save s = new AutoSavePlan.Save(rec.toString(), "bus-1#2", "bus-1", 2, 4, 6);
        Path out = AutoSaver.save(s, Map.of("bus-1#1", 6L, "bus-1#2", 6L), dir.resolve("exports"));
        assertEquals(dir.resolve("exports/auto-PackNo.02-4-6.xlsx"), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            assertEquals(1, wb.getNumberOfSheets());
            assertEquals(3, wb.getSheet("PackNo.02").getLastRowNum());
        }
        assertTrue(Files.isRegularFile(out));
    }
}
