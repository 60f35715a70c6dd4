package org.bmsworkbench.record.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bmsworkbench.record.Retention;
import org.bmsworkbench.record.store.Schema;
import org.bmsworkbench.record.store.SessionFiles;

/** Deletes old session files by the {@link Retention} setting, oldest first, never the one being written. */
public final class Retainer {

    private static final System.Logger LOG = System.getLogger(Retainer.class.getName());

    private Retainer() {
    }

    /** The session files of a folder, newest first. */
    public static List<Path> sessions(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + Schema.EXTENSION)) {
            for (Path p : dir) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(Retainer::modified).reversed());
        return files;
    }

    /** Deletes a session file with its write-ahead log and index. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(SessionFiles.wal(file));
        Files.deleteIfExists(SessionFiles.shm(file));
        Files.delete(file);
    }

    /** Applies a retention setting; returns the files deleted. */
    public static List<Path> apply(Path folder, Retention retention, Path current, Instant now) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (retention.keepsAll()) {
            return deleted;
        }
        List<Path> files = sessions(folder);
        long total = 0;
        for (Path p : files) {
            total += SessionFiles.size(p);
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            Path oldest = files.get(i);
            if (oldest.equals(current)) {
                continue;
            }
            boolean tooOld = !retention.maxAge().isZero()
                    && modified(oldest).plus(retention.maxAge()).isBefore(now);
            boolean tooBig = retention.maxBytes() > 0 && total > retention.maxBytes();
            if (!tooOld && !tooBig) {
                continue;
            }
            long size = SessionFiles.size(oldest);
            delete(oldest);
            total -= size;
            deleted.add(oldest);
            LOG.log(System.Logger.Level.INFO, "retention deleted the session " + oldest);
        }
        return deleted;
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            // a file that cannot be looked at counts as the oldest, so it is the first the limit removes
            return Instant.EPOCH;
        }
    }
}
