package org.bmsworkbench.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bmsworkbench.records.RecordTable.ColumnRef;
import org.bmsworkbench.records.RecordTable.Row;

/**
 * Writes the rows a record page shows (its filter and sort) to XLSX (POI SXSSF: numbers as numbers, times as
 * Excel date-times, a frozen header) or CSV (UTF-8 with a byte order mark, so Excel reads the Chinese headers).
 * A file is written under a temporary name and moved into place only when complete.
 */
public final class RecordExport {

    /** Most rows of one sheet after its header. */
    static final int ROWS_PER_SHEET = 1_048_575;

    private RecordExport() {
    }

    /** Writes XLSX when {@code file} ends in {@code .xlsx}, otherwise CSV. Returns the rows written. */
    public static int write(Path file, RecordTable table, List<String> headers) throws IOException {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                ? xlsx(file, table, headers) : csv(file, table, headers);
    }

    public static int csv(Path file, RecordTable table, List<String> headers) throws IOException {
        List<ColumnRef> columns = table.columns();
        check(columns, headers);
        Path temp = temporary(file);
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            w.write('\ufeff');
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
            p.printRecord(headers);
            for (Row row : table.visibleRows()) {
                Object[] cells = new Object[columns.size()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = table.text(row, columns.get(c));
                }
                p.printRecord(cells);
            }
            p.flush();
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        return table.size();
    }

    public static int xlsx(Path file, RecordTable table, List<String> headers) throws IOException {
        List<ColumnRef> columns = table.columns();
        check(columns, headers);
        Path temp = temporary(file);
        SXSSFWorkbook book = new SXSSFWorkbook(500);
        try (OutputStream out = Files.newOutputStream(temp)) {
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            SXSSFSheet sheet = null;
            int r = 0;
            int sheets = 0;
            for (Row row : table.visibleRows()) {
                if (sheet == null || r > ROWS_PER_SHEET) {
                    sheet = book.createSheet(table.kind() == RecordKind.ALARM ? "Alarm records " + ++sheets
                            : "Data records " + ++sheets);
                    header(sheet, headers, head);
                    r = 1;
                }
                org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    ColumnRef col = columns.get(c);
                    Object v = table.key(row, col);
                    Cell cell = x.createCell(c);
                    if (col.column() == RecordTable.Column.ALARM) {
                        cell.setCellValue(table.text(row, col));
                    } else if (v instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(time);
                    } else if (v instanceof Double d) {
                        if (!d.isNaN()) {
                            cell.setCellValue(Double.parseDouble(table.text(row, col)));
                        }
                    } else if (v instanceof Long n) {
                        cell.setCellValue(n);
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            if (sheet == null) {
                header(book.createSheet(table.kind() == RecordKind.ALARM ? "Alarm records 1" : "Data records 1"),
                        headers, head);
            }
            book.write(out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            book.close();
            book.dispose();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        return table.size();
    }

    private static void header(SXSSFSheet sheet, List<String> headers, CellStyle style) {
        org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void check(List<ColumnRef> columns, List<String> headers) {
        if (columns.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " headers for " + columns.size() + " columns");
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }
}
