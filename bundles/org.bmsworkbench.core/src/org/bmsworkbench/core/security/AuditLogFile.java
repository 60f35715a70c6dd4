package org.bmsworkbench.core.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An {@link AuditLog} in a UTF-8 text file that is only ever appended to: never truncated, never rotated, each entry
 * written and forced to disk before {@link #record} returns. Several instances, or workbenches, may append to the
 * same file.
 * <p>
 * A new file starts with a comment line naming the columns. Each entry is then one line of nine fields separated by
 * a tab:
 *
 * <pre>
 * time                      user      bus    pack  what                  old     new     result   detail
 * 2026-11-24T08:00:00.123Z  operator  bus-1  2     cellHighVoltageAlarm  3.600 V 3.650 V SENT
 * </pre>
 *
 * {@code time} is ISO-8601 in UTC; {@code pack} is the pack's address; {@code result} is {@code SENT},
 * {@code REFUSED} or {@code FAILED}; an empty field means "not known" (e.g. an old value that was never read). In a
 * field, a backslash is written {@code \\}, a tab {@code \t}, a line feed {@code \n} and a carriage return
 * {@code \r}, so that one entry is always one line.
 */
public final class AuditLogFile implements AuditLog {

    static final String HEADER = "# BMS Workbench audit log: time\tuser\tbus\tpack\twhat\told\tnew\tresult\tdetail\n";

    private final Path file;

    public AuditLogFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEntry entry) throws IOException {
        byte[] line = line(entry).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (channel.size() == 0) {
                writeFully(channel, HEADER.getBytes(StandardCharsets.UTF_8));
            }
            writeFully(channel, line);
            channel.force(true);
        }
    }

    /** The entry as the line written, line feed included. */
    static String line(AuditEntry e) {
        return String.join("\t", DateTimeFormatter.ISO_INSTANT.format(e.time()), escape(e.user()),
                escape(e.busId()), Integer.toString(e.address()), escape(e.what()), escape(e.oldValue()),
                escape(e.newValue()), e.result().name(), escape(e.detail())) + "\n";
    }

    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
