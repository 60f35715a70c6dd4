package org.bmsworkbench.record.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opening session files with the SQLite driver, without {@code DriverManager} (which OSGi class loaders hide). */
public final class SessionFiles {

    private SessionFiles() {
    }

    /** The write-ahead log beside a session file. */
    public static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /** The shared-memory index beside a session file. */
    public static Path shm(Path file) {
        return file.resolveSibling(file.getFileName() + "-shm");
    }

    /** Bytes on disk: the file and its write-ahead log. */
    public static long size(Path file) {
        return sizeOf(file) + sizeOf(wal(file));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            // a file that went away between the two calls has no size
            return 0;
        }
    }

    /** Page size of new files: a snapshot of 176 cells is about 1 KB, and 4 KB pages would waste a third. */
    static final int PAGE_SIZE = 16384;

    /** Opens a new, empty file; the caller sets the page size, then WAL mode, before anything else. */
    static Connection openForWriting(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // NORMAL in WAL mode: every commit survives a crash of the process; only a power loss may undo the last ones
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setOpenMode(SQLiteOpenMode.READWRITE);
        config.setOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(5000);
        config.setCacheSize(-16000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Opens an existing session file for a second writer beside the recorder (the device records of issue 16):
     * short transactions, and up to 5 s of waiting for the recorder's commit.
     */
    public static Connection openForUpdate(Path file) throws SQLException {
        if (!Files.exists(file)) {
            throw new SQLException("the session file " + file + " does not exist");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setOpenMode(SQLiteOpenMode.READWRITE);
        config.setBusyTimeout(5000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens a session file read-only, e.g. while the recorder writes it (WAL: readers never wait for it). */
    public static Connection openReadOnly(Path file) throws SQLException {
        return openForReading(file);
    }

    static Connection openForReading(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        config.setCacheSize(-8000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
