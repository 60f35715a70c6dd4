package org.bmsworkbench.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What to export.
 *
 * @param recording the session file
 * @param out       the file to write; its folder must exist
 * @param format    XLSX or CSV
 * @param csvStyle  the CSV dialect (ignored for XLSX; {@code null} reads as {@link CsvStyle#STANDARD})
 * @param packIds   the packs by their key in the file ({@code RecordedPack.id()}); empty = all packs
 * @param from      first time included, {@code null} = from the start
 * @param to        last time included, {@code null} = to the end
 * @param fromSeq   first sequence number included, 0 = open (used by the automatic save of one pack's new rows)
 * @param toSeq     last sequence number included, 0 = open
 */
public record ExportRequest(Path recording, Path out, ExportFormat format, CsvStyle csvStyle, Set<Long> packIds,
        Instant from, Instant to, long fromSeq, long toSeq) {

    public ExportRequest {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        csvStyle = csvStyle == null ? CsvStyle.STANDARD : csvStyle;
        packIds = packIds == null ? Set.of() : Set.copyOf(packIds);
        if (fromSeq < 0 || toSeq < 0) {
            throw new IllegalArgumentException("sequence numbers must not be negative");
        }
    }

    /** All rows of all packs of a recording. */
    public static ExportRequest all(Path recording, Path out, ExportFormat format) {
        return new ExportRequest(recording, out, format, CsvStyle.STANDARD, Set.of(), null, null, 0, 0);
    }
}
