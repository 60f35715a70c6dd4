package org.bmsworkbench.core.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An {@link AuditLog} in a UTF-8 text file that is only ever appended to: never truncated, never rotated, each entry
 * written and forced to disk before {@link #record} returns. Several instances, or workbenches, may append to the
 * same file: each append holds an exclusive file lock.
 * <p>
 * A new file starts with a comment line naming the columns. Each entry is then one line of ten fields separated by
 * a tab:
 *
 * <pre>
 * time                      user      bus    pack  what                  old     new     result     detail  chain
 * 2026-11-24T08:00:00.123Z  operator  bus-1  2     cellHighVoltageAlarm  3.600 V 3.650 V CONFIRMED          9f86d0…
 * </pre>
 *
 * {@code time} is ISO-8601 in UTC; {@code pack} is the pack's address; {@code result} is an
 * {@link AuditEntry.Result}; an empty field means "not known" (e.g. an old value that was never read). In a field,
 * a backslash is written {@code \\}, a tab {@code \t}, a line feed {@code \n} and a carriage return {@code \r}, so
 * that one entry is always one line.
 * <p>
 * {@code chain} makes the file tamper-evident: it is the SHA-256, in hex, of the previous entry's chain (64 zeros
 * for the first entry) followed by a line feed and this line's first nine fields as written. Editing, inserting or
 * removing a line breaks the chain at that line, which {@link AuditChain#verify} reports; only cutting entries off
 * the end leaves a valid chain, which is why the entry count is shown with the result.
 */
public final class AuditLogFile implements AuditLog {

    static final String HEADER = "# BMS Workbench audit log: time\tuser\tbus\tpack\twhat\told\tnew\tresult\tdetail\tchain\n";
    /** The chain value before the first entry. */
    static final String GENESIS = "0".repeat(64);

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
        Files.createDirectories(file.getParent());
        retireUnchained();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            long size = channel.size();
            if (size == 0) {
                writeAt(channel, 0, HEADER.getBytes(StandardCharsets.UTF_8));
                size = channel.size();
            }
            String previous = lastChain(channel, size);
            String body = fields(entry);
            byte[] line = (body + "\t" + chain(previous, body) + "\n").getBytes(StandardCharsets.UTF_8);
            writeAt(channel, size, line);
            channel.force(true);
        }
    }

    /**
     * A log written before entries were chained cannot pass {@link AuditChain#verify}; it is kept whole beside the
     * new one ({@code audit.log.unchained}, or {@code .unchained-2} and so on), and a new chain starts.
     */
    private void retireUnchained() throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        String first;
        try (BufferedReader in = reader(file)) {
            first = in.readLine();
        }
        if (first == null || (first + "\n").equals(HEADER)) {
            return;
        }
        Path kept = file.resolveSibling(file.getFileName() + ".unchained");
        for (int n = 2; Files.exists(kept); n++) {
            kept = file.resolveSibling(file.getFileName() + ".unchained-" + n);
        }
        Files.move(file, kept);
    }

    /** The first nine fields of the entry's line, as written. */
    static String fields(AuditEntry e) {
        return String.join("\t", DateTimeFormatter.ISO_INSTANT.format(e.time()), escape(e.user()),
                escape(e.busId()), Integer.toString(e.address()), escape(e.what()), escape(e.oldValue()),
                escape(e.newValue()), e.result().name(), escape(e.detail()));
    }

    static String chain(String previous, String fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previous + "\n" + fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The chain field of the last entry, or the genesis value when there is none yet. */
    private static String lastChain(FileChannel channel, long size) throws IOException {
        // entries are short: read back in steps until the tail holds the line feed before the last line
        long from = size;
        String tail;
        do {
            from = Math.max(0, from - 8192);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            int n;
            do {
                n = channel.read(buffer, from + buffer.position());
            } while (n > 0 && buffer.hasRemaining());
            tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } while (from > 0 && tail.substring(0, Math.max(0, tail.length() - 1)).indexOf('\n') < 0);
        String trimmed = tail.endsWith("\n") ? tail.substring(0, tail.length() - 1) : tail;
        String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        if (last.startsWith("#") || last.isEmpty()) {
            return GENESIS;
        }
        String[] f = last.split("\t", -1);
        return f.length == 10 ? f[9] : chain(GENESIS, last);
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

    private static void writeAt(FileChannel channel, long position, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    /** Reads the file line by line for {@link AuditChain}. */
    static BufferedReader reader(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
