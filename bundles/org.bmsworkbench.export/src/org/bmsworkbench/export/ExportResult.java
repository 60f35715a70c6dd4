package org.bmsworkbench.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files the files written, under their final names
 * @param rows  data rows written (header rows not counted)
 */
public record ExportResult(List<Path> files, long rows) {

    public ExportResult {
        files = List.copyOf(files);
    }
}
