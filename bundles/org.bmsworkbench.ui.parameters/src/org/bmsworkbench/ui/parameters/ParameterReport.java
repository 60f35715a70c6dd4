package org.bmsworkbench.ui.parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bmsworkbench.ui.parameters.model.ParameterPage;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Column;

/**
 * The table as an Excel workbook for people (a report, not a file to import: that is the JSON export): a title
 * line, the column titles, then section headers and rows as the view shows them. Written under a temporary name and
 * moved into place when complete.
 */
final class ParameterReport {

    private ParameterReport() {
    }

    static void write(Path file, ParameterPage page, Messages m, String title) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(m.report_sheet);
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(2);
            String[] titles = { m.col_name, m.col_unit, m.col_min, m.col_max, m.col_value, m.col_device, m.col_state };
            for (int c = 0; c < titles.length; c++) {
                head.createCell(c).setCellValue(titles[c]);
                head.getCell(c).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 3);
            for (int i = 0; i < page.size(); i++) {
                Row row = sheet.createRow(3 + i);
                ParameterPage.Line line = page.line(i);
                if (line.isHeader()) {
                    row.createCell(0).setCellValue(m.section(line.section()));
                    row.getCell(0).setCellStyle(bold);
                    continue;
                }
                for (Column c : Column.values()) {
                    String text = c == Column.STATE ? m.mark(line.row().state()) : page.text(i, c);
                    boolean numeric = (c == Column.MINIMUM || c == Column.MAXIMUM || c == Column.VALUE
                            || c == Column.DEVICE) && text.matches("[+-]?\\d+(\\.\\d+)?");
                    if (numeric) {
                        row.createCell(c.ordinal()).setCellValue(Double.parseDouble(text));
                    } else {
                        row.createCell(c.ordinal()).setCellValue(text);
                    }
                }
            }
            sheet.setColumnWidth(0, 45 * 256);
            for (int c = 1; c < titles.length; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            try (OutputStream out = Files.newOutputStream(part)) {
                book.write(out);
            }
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
