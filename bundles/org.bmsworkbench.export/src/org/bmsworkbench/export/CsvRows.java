package org.bmsworkbench.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bmsworkbench.model.PackSnapshot;

/**
 * Writes rows as CSV in UTF-8: a header row, then one row per snapshot with ISO-8601 local times and empty fields
 * for absent values. {@link CsvStyle#EUROPEAN} uses semicolons and decimal commas and starts with a byte order mark.
 */
final class CsvRows implements AutoCloseable {

    private final CSVPrinter printer;
    private final List<ExportColumns.Column> list;
    private final boolean decimalComma;
    private final DateTimeFormatter time;

    CsvRows(Path file, CsvStyle style, ExportColumns columns) throws IOException {
        boolean european = style == CsvStyle.EUROPEAN;
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        try {
            if (european) {
                // without the mark Excel reads the file in the machine's ANSI code page and garbles °C and kΩ
                w.write('\uFEFF');
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(european ? ';' : ',').setRecordSeparator("\r\n")
                    .get();
            printer = new CSVPrinter(w, format);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        list = columns.columns();
        decimalComma = european;
        time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS").withZone(columns.zone());
        printer.printRecord(columns.headers());
    }

    void row(PackSnapshot s) throws IOException {
        for (ExportColumns.Column col : list) {
            switch (col.kind()) {
            case TIME -> printer.print(time.format(s.time()));
            case ALARMS -> printer.print(ExportColumns.alarms(s));
            default -> printer.print(number(col.number(s)));
            }
        }
        printer.println();
    }

    /** A number as people type it: no exponent, no trailing ".0"; {@code ""} when absent. */
    String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        String text;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            text = Long.toString((long) v);
        } else {
            text = Double.toString(v);
            if (text.indexOf('E') >= 0) {
                text = new java.math.BigDecimal(text).toPlainString();
            }
        }
        return decimalComma ? text.replace('.', ',') : text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
