package org.bmsworkbench.export;

/** The dialect of a CSV export. */
public enum CsvStyle {
    /** Comma between fields, decimal point, UTF-8 without BOM. */
    STANDARD,
    /**
     * Semicolon between fields, decimal comma, UTF-8 with a byte order mark: what Excel with a European locale
     * opens as columns without an import dialog.
     */
    EUROPEAN
}
