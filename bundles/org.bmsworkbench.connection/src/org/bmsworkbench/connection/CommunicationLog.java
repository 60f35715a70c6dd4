package org.bmsworkbench.connection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.bmsworkbench.events.FrameRecord;

/**
 * The communication record on disk: one line per frame sent or received, in {@code comm.log}, rolled over to
 * {@code comm.1.log} ... {@code comm.N.log} when it reaches its size limit, so days of polling never fill the
 * disk and the latest hours are always there for field debugging. Lines look like
 * <pre>
 * 2026-11-24T09:30:00.125Z bus-1 TX 1 01 04 00 00 00 3C F0 1B | read input registers 0x0000..0x003B
 * 2026-11-24T09:30:00.160Z bus-1 RX 1 ok 01 04 78 ... |
 * 2026-11-24T09:30:01.170Z bus-1 RX 2 TIMEOUT - | no reply in 500 ms
 * </pre>
 * ASCII protocols' frames are written as text. Thread-safe.
 */
public final class CommunicationLog implements BusEvents, AutoCloseable {

    private static final long FLUSH_NANOS = 200_000_000L;

    private final Path folder;
    private final long maxBytes;
    private final int keep;
    private final Consumer<String> log;
    private BufferedWriter out;
    private long written;
    private long lastFlush;
    private boolean broken;

    /**
     * @param maxBytes size at which the file rolls over
     * @param keep     rolled-over files kept besides the current one
     * @param log      receives one line if the file cannot be written (the record then stops; polling does not)
     */
    public CommunicationLog(Path folder, long maxBytes, int keep, Consumer<String> log) {
        if (maxBytes < 1024 || keep < 1) {
            throw new IllegalArgumentException("a communication log needs at least 1 KiB and one old file");
        }
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.log = log;
    }

    public Path current() {
        return folder.resolve("comm.log");
    }

    @Override
    public synchronized void frame(FrameRecord r) {
        if (broken) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(folder);
                written = Files.exists(current()) ? Files.size(current()) : 0;
                out = Files.newBufferedWriter(current(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            String line = line(r);
            out.write(line);
            out.write('\n');
            written += line.length() + 1;
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_NANOS) {
                out.flush();
                lastFlush = now;
            }
            if (written >= maxBytes) {
                roll();
            }
        } catch (IOException e) {
            broken = true;
            log.accept("the communication record stopped: cannot write " + current() + ": " + e.getMessage());
        }
    }

    private void roll() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(folder.resolve("comm." + keep + ".log"));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = folder.resolve("comm." + i + ".log");
            if (Files.exists(from)) {
                Files.move(from, folder.resolve("comm." + (i + 1) + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(current(), folder.resolve("comm.1.log"), StandardCopyOption.REPLACE_EXISTING);
        written = 0;
    }

    /** One line of the record. */
    public static String line(FrameRecord r) {
        StringBuilder s = new StringBuilder(64 + r.length() * 3);
        s.append(r.time()).append(' ').append(r.busId()).append(' ').append(r.direction()).append(' ')
                .append(r.address()).append(' ');
        if (r.direction() == FrameRecord.Direction.RX) {
            s.append(r.error() == null ? "ok" : r.error().name()).append(' ');
        }
        byte[] b = r.bytes();
        if (b.length == 0) {
            s.append('-');
        } else if (printable(b)) {
            for (byte x : b) {
                s.append(x == '\r' ? "\\r" : String.valueOf((char) x));
            }
        } else {
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    s.append(' ');
                }
                s.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b[i] & 0xF, 16)));
            }
        }
        s.append(" | ").append(r.note().replace('\n', ' '));
        return s.toString();
    }

    private static boolean printable(byte[] b) {
        for (byte x : b) {
            if ((x < 0x20 || x > 0x7E) && x != '\r') {
                return false;
            }
        }
        return b[0] == '~';
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.accept("closing the communication record failed: " + e.getMessage());
            }
            out = null;
        }
    }
}
