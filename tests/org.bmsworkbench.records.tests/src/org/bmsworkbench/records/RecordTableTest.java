package org.bmsworkbench.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.records.RecordTable.Column;
import org.bmsworkbench.records.RecordTable.ColumnRef;
import org.bmsworkbench.records.RecordTable.TypeFilter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's rows: columns, filter, sort, the damaged mark and the exports. */
class RecordTableTest {

    /** Debian's python3, whose python3-openpyxl the checks use, before any other python3 on the path. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path dir;

    private static DeviceRecord alarm(long index, int minute, int code, double soc, String damage) {
        PackSnapshot v = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 52 + index).set(Quantity.CURRENT, -3.5)
                .set(Quantity.SOC, soc).set(Quantity.MIN_CELL_VOLTAGE, 3.301).set(Quantity.MAX_CELL_VOLTAGE, 3.342)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, 21.5).set(Quantity.MOSFET_TEMPERATURE, 27.4)
                .temperature(0, 24.1).temperature(1, 24.6).build();
        return new DeviceRecord(RecordKind.ALARM, index, LocalDateTime.of(2026, 5, 1, 10, minute),
                OperatingMode.DISCHARGE, code, Set.of(), v, damage, false);
    }

    private static RecordTable table() {
        RecordTable t = new RecordTable(RecordKind.ALARM, Locale.ENGLISH, RecordTable.englishLabels());
        List<DeviceRecord> list = new ArrayList<>();
        list.add(alarm(0, 1, 0x0203, 80, ""));
        list.add(alarm(1, 2, 0x8203, 70, ""));
        list.add(alarm(2, 3, 0x0110, 250, "SOC 250.0 % is outside 0.0..100.0"));
        list.add(alarm(3, 4, 0x0300, 60, ""));
        assertTrue(t.add(1, list), "T1, T2 columns appeared");
        return t;
    }

    @Test
    void columnsAreTheManualsAndTheDamagedRecordIsShownMarked() {
        RecordTable t = table();
        List<ColumnRef> c = t.columns();
        assertEquals(List.of(Column.SEQ, Column.PACK, Column.TIME, Column.MODE, Column.VOLTAGE, Column.CURRENT,
                Column.SOC, Column.ALARM, Column.ALARM_INFO, Column.MIN_V, Column.MAX_V, Column.ENV, Column.FET,
                Column.TEMP, Column.TEMP, Column.NOTE), c.stream().map(ColumnRef::column).toList());
        assertEquals(4, t.size());
        assertEquals("0x0203", t.text(t.row(0), ColumnRef.of(Column.ALARM)));
        assertEquals("Cell-OVP raised", t.text(t.row(0), ColumnRef.of(Column.ALARM_INFO)));
        assertEquals("3301", t.text(t.row(0), ColumnRef.of(Column.MIN_V)));
        assertEquals("2026-05-01 10:01:00", t.text(t.row(0), ColumnRef.of(Column.TIME)));
        assertEquals("Damaged: SOC 250.0 % is outside 0.0..100.0", t.text(t.row(2), ColumnRef.of(Column.NOTE)));
        assertEquals("250.0", t.text(t.row(2), ColumnRef.of(Column.SOC)), "its values are still shown");
        assertEquals(1, t.damagedCount());
    }

    @Test
    void filtersByTimeAndTypeAndSortsByAnyColumn() {
        RecordTable t = table();
        t.filter(LocalDateTime.of(2026, 5, 1, 10, 2), LocalDateTime.of(2026, 5, 1, 10, 3), TypeFilter.ALL);
        assertEquals(2, t.size());
        t.filter(null, null, TypeFilter.PROTECTION);
        assertEquals(2, t.size());
        t.filter(null, null, TypeFilter.CLEARED);
        assertEquals(1, t.size());
        t.filter(null, null, TypeFilter.DETECTION);
        assertEquals(3, t.row(0).record().index());
        t.filter(null, null, TypeFilter.DAMAGED);
        assertEquals(2, t.row(0).record().index());
        t.filter(null, null, TypeFilter.ALL);
        t.sortBy(ColumnRef.of(Column.SOC), false);
        assertEquals(List.of(2L, 0L, 1L, 3L), t.visibleRows().stream().map(r -> r.record().index()).toList());
        t.sortBy(ColumnRef.of(Column.ALARM_INFO), true);
        assertEquals("CFET Error raised", t.text(t.row(0), ColumnRef.of(Column.ALARM_INFO)));
        t.clear();
        assertEquals(0, t.size());
    }

    @Test
    void exportsXlsxAndCsvThatOthersRead() throws Exception {
        RecordTable t = table();
        List<String> headers = t.columns().stream().map(c -> c.column() + (c.column() == Column.TEMP ? "" + (c.sensor() + 1)
                : "")).toList();
        Path xlsx = dir.resolve("alarms.xlsx");
        assertEquals(4, RecordExport.write(xlsx, t, headers));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet s = book.getSheetAt(0);
            assertEquals(4, s.getLastRowNum());
            assertEquals("ALARM_INFO", s.getRow(0).getCell(8).getStringCellValue());
            assertEquals(CellType.NUMERIC, s.getRow(1).getCell(4).getCellType());
            assertEquals(52.0, s.getRow(1).getCell(4).getNumericCellValue(), 1e-9);
            assertEquals(LocalDateTime.of(2026, 5, 1, 10, 1), s.getRow(1).getCell(2).getLocalDateTimeCellValue());
            assertEquals("0x0203", s.getRow(1).getCell(7).getStringCellValue());
        }
        Path csv = dir.resolve("alarms.csv");
        RecordExport.write(csv, t, headers);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("1,1,2026-05-01 10:01:00,Discharge,52.00,-3.50,80.0,0x0203,Cell-OVP raised"),
                lines.get(1));
        Assumptions.assumeTrue(openpyxl(), "python3-openpyxl is not installed");
        Process p = new ProcessBuilder(PYTHON, "-c", "import sys, openpyxl\n"
                + "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                + "print(ws.max_row, float(ws.cell(2, 5).value), ws.cell(2, 3).value.isoformat())", xlsx.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("5 52.0 2026-05-01T10:01:00", out);
    }

    private static boolean openpyxl() throws Exception {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import openpyxl").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
