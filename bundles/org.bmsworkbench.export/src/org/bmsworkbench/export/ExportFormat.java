package org.bmsworkbench.export;

/** What an export writes. */
public enum ExportFormat {
    /** An Excel workbook: one sheet per pack, numbers as numbers, time as Excel date-time. */
    XLSX,
    /** One CSV file with all packs; the PackNo column tells them apart. */
    CSV
}
