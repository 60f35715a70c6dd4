package org.bmsworkbench.export;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.bmsworkbench.model.PackSnapshot;

/**
 * Writes packs as sheets: a frozen bold header row with the units, then one row per snapshot with numbers as
 * numeric cells, the time as an Excel date-time and absent values as empty cells. A pack with more rows than a
 * sheet holds goes on in {@code "PackNo.01 (2)"}, {@code "(3)"}, ...
 */
final class XlsxSheets {

    /** Excel's day 0 is 1899-12-30 (in the 1900 date system): 1970-01-01 is day 25569. */
    private static final double EPOCH_DAYS = 25569;
    private static final double MS_PER_DAY = 86_400_000d;

    private final Workbook wb;
    private final int sheetRows;
    private final ZoneRules zone;
    private final CellStyle headerStyle;
    private final CellStyle timeStyle;
    /** Style 0, set on each cell: a cell without a style makes SXSSF look its column's style up, a fifth of the time. */
    private final CellStyle plainStyle;

    private ExportColumns columns;
    private List<ExportColumns.Column> list;
    private String name;
    private int part;
    private Sheet sheet;
    private int rowInSheet;

    XlsxSheets(Workbook wb, int sheetRows, ZoneId zone) {
        this.wb = wb;
        this.sheetRows = sheetRows;
        this.zone = zone.getRules();
        Font bold = wb.createFont();
        bold.setBold(true);
        headerStyle = wb.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        plainStyle = wb.getCellStyleAt(0);
        timeStyle = wb.createCellStyle();
        timeStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss.000"));
    }

    /** Starts the sheet of a pack. */
    void begin(String sheetName, ExportColumns cols) {
        columns = cols;
        list = cols.columns();
        name = sheetName;
        part = 1;
        newSheet(sheetName);
    }

    private void newSheet(String sheetName) {
        sheet = wb.createSheet(sheetName);
        Row header = sheet.createRow(0);
        for (int i = 0; i < list.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(list.get(i).header());
            c.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(1, 24 * 256);
        sheet.setColumnWidth(list.size() - 1, 40 * 256);
        rowInSheet = 0;
    }

    void row(PackSnapshot s) {
        if (rowInSheet == sheetRows) {
            part++;
            newSheet(name + " (" + part + ")");
        }
        Row r = sheet.createRow(++rowInSheet);
        for (int i = 0; i < list.size(); i++) {
            ExportColumns.Column col = list.get(i);
            switch (col.kind()) {
            case TIME -> {
                Cell c = r.createCell(i);
                c.setCellValue(excelTime(s));
                c.setCellStyle(timeStyle);
            }
            case ALARMS -> {
                String text = ExportColumns.alarms(s);
                if (!text.isEmpty()) {
                    Cell c = r.createCell(i);
                    c.setCellValue(text);
                    c.setCellStyle(plainStyle);
                }
            }
            default -> {
                double v = col.number(s);
                if (!Double.isNaN(v)) {
                    Cell c = r.createCell(i);
                    c.setCellValue(v);
                    c.setCellStyle(plainStyle);
                }
            }
            }
        }
    }

    /** The snapshot's time as an Excel serial date in the export's time zone, to the millisecond. */
    private double excelTime(PackSnapshot s) {
        long ms = s.time().toEpochMilli() + zone.getOffset(s.time()).getTotalSeconds() * 1000L;
        return ms / MS_PER_DAY + EPOCH_DAYS;
    }

    ExportColumns columns() {
        return columns;
    }
}
