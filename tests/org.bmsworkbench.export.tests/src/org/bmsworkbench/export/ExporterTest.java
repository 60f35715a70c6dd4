package org.bmsworkbench.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bmsworkbench.record.store.RecordedPack;
import org.bmsworkbench.record.store.SessionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    @TempDir
    Path dir;

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private ExportRequest request(Path recording, Path out, ExportFormat format, CsvStyle style) {
        return new ExportRequest(recording, out, format, style, Set.of(), null, null, 0, 0);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void xlsxHasASheetPerPackWithFrozenUnitsNumbersAndDateTimes() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 5);
        Path out = dir.resolve("out.xlsx");
        List<long[]> progress = new ArrayList<>();
        ExportResult r = Exporter.export(request(rec, out, ExportFormat.XLSX, null), new ExportMonitor() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[] { done, total });
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(10, r.rows());
        assertEquals(List.of(out.toAbsolutePath()), r.files());
        assertArrayEquals(new long[] { 10, 10 }, progress.get(progress.size() - 1));
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            assertEquals(2, wb.getNumberOfSheets());
            XSSFSheet s = wb.getSheet("PackNo.01");
            assertEquals("PackNo.02", wb.getSheetName(1));
            Row h = s.getRow(0);
            List<String> headers = new ArrayList<>();
            h.forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(List.of("PackNo", "Time (" + ZONE.getId() + ")", "Pack voltage (V)", "Pack current (A)",
                    "SOC (%)", "SOH (%)", "Residual capacity (Ah)", "Design capacity (Ah)", "Cycle times", "MinV (mV)",
                    "MaxV (mV)", "Outside voltage (V)", "Positive insulation (k\u03a9)",
                    "Negative insulation (k\u03a9)", "T1 (\u00b0C)", "T2 (\u00b0C)", "T3 (\u00b0C)", "V1 (mV)",
                    "V2 (mV)", "V3 (mV)", "V4 (mV)", "Alarms"), headers);
            assertTrue(wb.getFontAt(h.getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(s.getPaneInformation().isFreezePane());
            assertEquals(5, s.getLastRowNum());

            Row r0 = s.getRow(1);
            assertEquals(1, r0.getCell(0).getNumericCellValue());
            Cell time = r0.getCell(1);
            assertEquals(CellType.NUMERIC, time.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(time));
            assertEquals("yyyy-mm-dd hh:mm:ss.000", time.getCellStyle().getDataFormatString());
            LocalDateTime expected = LocalDateTime.ofInstant(Sessions.T0.plusMillis(1), ZONE);
            assertTrue(Duration.between(expected, time.getLocalDateTimeCellValue()).abs().toMillis() <= 1,
                    time.getLocalDateTimeCellValue() + " vs " + expected);
            assertEquals(CellType.NUMERIC, r0.getCell(2).getCellType());
            assertEquals(51.0, r0.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals(-12.5, r0.getCell(3).getNumericCellValue());
            assertEquals(99.5, r0.getCell(5).getNumericCellValue());
            assertNull(r0.getCell(6), "residual capacity was not reported: an empty cell, not 0");
            assertEquals(17, r0.getCell(8).getNumericCellValue());
            assertEquals(3301, r0.getCell(9).getNumericCellValue(), "MinV from the cells");
            assertEquals(3304, r0.getCell(10).getNumericCellValue());
            assertEquals(53.2, r0.getCell(11).getNumericCellValue());
            assertEquals(20.5, r0.getCell(14).getNumericCellValue());
            assertNull(r0.getCell(15), "sensor 2 is absent");
            assertEquals(22.5, r0.getCell(16).getNumericCellValue());
            assertEquals(3301, r0.getCell(17).getNumericCellValue());
            assertEquals(3304, r0.getCell(20).getNumericCellValue());
            assertEquals("CELL_OV", r0.getCell(21).getStringCellValue(), "alarms only, no system flags");
            Row r1 = s.getRow(2);
            assertNull(r1.getCell(5), "SOH absent on odd rows");
            assertNull(r1.getCell(21), "no alarm");
            assertEquals(51.001, r1.getCell(2).getNumericCellValue(), 1e-9);

            XSSFSheet s2 = wb.getSheet("PackNo.02");
            assertEquals(5, s2.getLastRowNum());
            assertEquals("V2 (mV)", s2.getRow(0).getCell(17).getStringCellValue());
            assertEquals("Alarms", s2.getRow(0).getCell(18).getStringCellValue());
        }
        assertEquals(List.of("out.xlsx", "s.sqlite"), files().stream().filter(f -> !f.startsWith("s.sqlite-")).toList());
        Path saved = Files.createFile(dir.resolve("saved-by-hand"));
        assertEquals(Files.getPosixFilePermissions(saved), Files.getPosixFilePermissions(out),
                "the export's permissions are those of any new file, not a temporary file's owner-only ones");
    }

    @Test
    void aPackLongerThanASheetGoesOnInNumberedSheets() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 7);
        Path out = dir.resolve("split.xlsx");
        ExportResult r = Exporter.export(request(rec, out, ExportFormat.XLSX, null), ExportMonitor.NONE,
                Locale.ENGLISH, 3, Exporter::streamingWorkbook);
        assertEquals(14, r.rows());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            List<String> names = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
                rows.add(wb.getSheetAt(i).getLastRowNum());
            }
            assertEquals(List.of("PackNo.01", "PackNo.01 (2)", "PackNo.01 (3)", "PackNo.02", "PackNo.02 (2)",
                    "PackNo.02 (3)"), names);
            assertEquals(List.of(3, 3, 1, 3, 3, 1), rows);
            assertEquals("PackNo", wb.getSheet("PackNo.01 (2)").getRow(0).getCell(0).getStringCellValue());
            assertEquals(50 + 1 + 3 / 1000.0, wb.getSheet("PackNo.01 (2)").getRow(1).getCell(2).getNumericCellValue(),
                    1e-9, "row 4 opens the second sheet");
        }
    }

    @Test
    void packsOfTwoBusesAtTheSameAddressAreNamedByTheirBus() throws Exception {
        Path rec = Sessions.twoBuses(dir.resolve("b.sqlite"), 2);
        Path out = dir.resolve("b.xlsx");
        Exporter.export(request(rec, out, ExportFormat.XLSX, null), ExportMonitor.NONE);
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            assertEquals("Bus1 PackNo.01", wb.getSheetName(0));
            assertEquals("Bus2 PackNo.01", wb.getSheetName(1));
        }
    }

    @Test
    void aSequenceRangeExportsExactlyThoseRowsOfOnePack() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 10);
        long pack2;
        try (SessionReader r = SessionReader.open(rec)) {
            pack2 = r.packs().stream().filter(p -> p.address() == 2).mapToLong(RecordedPack::id).findFirst()
                    .orElseThrow();
        }
        Path out = dir.resolve("range.xlsx");
        ExportResult r = Exporter.export(new ExportRequest(rec, out, ExportFormat.XLSX, null, Set.of(pack2), null,
                null, 4, 6), ExportMonitor.NONE);
        assertEquals(3, r.rows());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            assertEquals(1, wb.getNumberOfSheets());
            assertEquals(3, wb.getSheet("PackNo.02").getLastRowNum());
            assertEquals(52.003, wb.getSheet("PackNo.02").getRow(1).getCell(2).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void csvHasAllPacksInOneFileWithTheWidestColumnsAndIsoLocalTimes() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 4);
        Path out = dir.resolve("out.csv");
        ExportResult result = Exporter.export(new ExportRequest(rec, out, ExportFormat.CSV, CsvStyle.STANDARD,
                Set.of(), Sessions.T0.plusSeconds(1), null, 0, 0), ExportMonitor.NONE);
        assertEquals(6, result.rows(), "the first row of each pack is before --from");
        byte[] bytes = Files.readAllBytes(out);
        assertEquals('P', bytes[0], "no byte order mark in the standard style");
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.parse(in)) {
            records = p.getRecords();
        }
        assertEquals(7, records.size());
        CSVRecord h = records.get(0);
        assertEquals(22, h.size());
        assertEquals("Time (" + ZONE.getId() + ")", h.get(1));
        assertEquals("V4 (mV)", h.get(20));
        CSVRecord first = records.get(1);
        assertEquals("1", first.get(0));
        assertEquals(LocalDateTime.ofInstant(Sessions.T0.plusSeconds(1).plusMillis(1), ZONE).toString().substring(0, 19),
                first.get(1).substring(0, 19));
        assertTrue(first.get(1).endsWith(".251"), first.get(1));
        assertEquals("51.001", first.get(2));
        assertEquals("-12.5", first.get(3));
        assertEquals("", first.get(5), "SOH absent on odd rows");
        assertEquals("", first.get(6));
        assertEquals("17", first.get(8));
        assertEquals("", first.get(15));
        assertEquals("3304", first.get(20));
        CSVRecord pack2 = records.get(4);
        assertEquals("2", pack2.get(0));
        assertEquals("3303", pack2.get(18));
        assertEquals("", pack2.get(19), "pack 2 has 2 cells");
        assertEquals("", pack2.get(16), "pack 2 has 2 sensors");
        assertEquals("", pack2.get(21));
        CSVRecord withAlarm = records.get(3);
        assertEquals("CELL_OV", withAlarm.get(21));
    }

    @Test
    void europeanCsvHasABomSemicolonsAndDecimalCommas() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 2);
        Path out = dir.resolve("eu.csv");
        Exporter.export(request(rec, out, ExportFormat.CSV, CsvStyle.EUROPEAN), ExportMonitor.NONE);
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("PackNo;Time ("), lines.get(0));
        assertTrue(lines.get(0).contains(";T1 (\u00b0C);"), lines.get(0));
        String[] row = lines.get(2).split(";", -1);
        assertEquals("51,001", row[2]);
        assertEquals("-12,5", row[3]);
        assertEquals("", row[5]);
        assertTrue(row[1].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), row[1]);
    }

    @Test
    void chineseHeaders() {
        ExportColumns zh = ExportColumns.of(1, 1, Locale.CHINESE, ZoneId.of("Asia/Shanghai"));
        assertEquals("\u5305\u53f7", zh.headers().get(0));
        assertEquals("\u65f6\u95f4 (Asia/Shanghai)", zh.headers().get(1));
        assertEquals("V1 (mV)", zh.headers().get(15));
        ExportColumns other = ExportColumns.of(1, 1, Locale.GERMAN, ZoneId.of("UTC"));
        assertEquals("Pack voltage (V)", other.headers().get(2), "English when the language has no strings");
    }

    @Test
    void aCancelledExportLeavesNoFile() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 1500);
        Path out = dir.resolve("c.xlsx");
        long[] seen = new long[1];
        ExportMonitor cancelAfterFirstStep = new ExportMonitor() {
            @Override
            public void progress(long done, long total) {
                seen[0] = done;
                assertEquals(3000, total);
            }

            @Override
            public boolean cancelled() {
                return seen[0] >= 1000;
            }
        };
        for (ExportFormat f : ExportFormat.values()) {
            CancellationException e = assertThrows(CancellationException.class,
                    () -> Exporter.export(request(rec, out, f, null), cancelAfterFirstStep));
            assertTrue(e.getMessage().contains("1000 rows"), e.getMessage());
            assertEquals(List.of("s.sqlite"), files().stream().filter(n -> !n.startsWith("s.sqlite-")).toList(),
                    "neither the final nor the temporary file is left");
            seen[0] = 0;
        }
    }

    @Test
    void aFailedExportLeavesNoFileAndKeepsAnOlderOne() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 1200);
        Path out = dir.resolve("f.csv");
        Files.writeString(out, "older");
        ExportMonitor failing = new ExportMonitor() {
            @Override
            public void progress(long done, long total) {
                if (done > 0) {
                    throw new IllegalStateException("disk gone");
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        for (ExportFormat f : ExportFormat.values()) {
            assertThrows(IllegalStateException.class, () -> Exporter.export(request(rec, out, f, null), failing));
            assertEquals("older", Files.readString(out));
            assertEquals(List.of("f.csv", "s.sqlite"),
                    files().stream().filter(n -> !n.startsWith("s.sqlite-")).toList());
        }
    }

    @Test
    void aMissingFolderOrABadRecordingIsRefusedInOneLine() throws Exception {
        Path rec = Sessions.twoPacks(dir.resolve("s.sqlite"), 1);
        IOException noFolder = assertThrows(IOException.class, () -> Exporter
                .export(request(rec, dir.resolve("nowhere/x.csv"), ExportFormat.CSV, null), ExportMonitor.NONE));
        assertTrue(noFolder.getMessage().contains("does not exist"), noFolder.getMessage());

        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "not a database at all, just text");
        IOException bad = assertThrows(IOException.class,
                () -> Exporter.export(request(junk, dir.resolve("x.xlsx"), ExportFormat.XLSX, null),
                        ExportMonitor.NONE));
        assertTrue(bad.getMessage().startsWith("cannot open the recording "), bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"));
        IOException missing = assertThrows(IOException.class,
                () -> Exporter.export(request(dir.resolve("none.sqlite"), dir.resolve("x.xlsx"), ExportFormat.XLSX,
                        null), ExportMonitor.NONE));
        assertTrue(missing.getMessage().startsWith("cannot open the recording "), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("x.xlsx")));
        IOException noPack = assertThrows(IOException.class, () -> Exporter.export(
                new ExportRequest(rec, dir.resolve("y.csv"), ExportFormat.CSV, null, Set.of(99L), null, null, 0, 0),
                ExportMonitor.NONE));
        assertTrue(noPack.getMessage().contains("has no pack with id 99"), noPack.getMessage());
    }
}
