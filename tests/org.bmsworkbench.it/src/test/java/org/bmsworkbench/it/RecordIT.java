package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw record} as a lab uses it, checked with Debian's {@code sqlite3}: a normal run, and a
 * {@code kill -9} in the middle of a recording, after which the file must pass {@code integrity_check} and
 * hold the snapshots of the last second before the kill.
 */
class RecordIT {

    private static final String SQLITE3 = "/usr/bin/sqlite3";

    private static Path session(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sessions = files.filter(p -> p.getFileName().toString().endsWith(".sqlite")).toList();
            return sessions.size() == 1 ? sessions.get(0) : null;
        }
    }

    private static String sql(Path file, String sql) throws InterruptedException {
        return Bmsw.output(Duration.ofSeconds(30), SQLITE3, file.toString(), sql).strip();
    }

    @Test
    void aKilledRecorderLeavesAnIntactFileUpToItsLastSecond() throws Exception {
        assertTrue(Files.isExecutable(Path.of(SQLITE3)), "sqlite3 is needed (apt-get install sqlite3)");
        Path folder = Bmsw.WORK.resolve("record-kill");
        try (Bmsw.Run run = Bmsw.bmsw("record-kill", "record", "--bus", "sim:2,cells=176,temps=33,interval=100",
                "--folder", folder.toString())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Path file = null;
            long rows = 0;
            while (System.nanoTime() < deadline && rows < 20) {
                Thread.sleep(250);
                file = session(folder);
                if (file != null) {
                    String n = sql(file, "SELECT COUNT(*) FROM snapshot");
                    rows = n.matches("\\d+") ? Long.parseLong(n) : 0;
                }
            }
            assertTrue(rows >= 20, "the recorder recorded: " + run.text());
            Thread.sleep(2000);
            long killed = System.currentTimeMillis();
            run.process().destroyForcibly();
            assertTrue(run.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the recorder died");
            assertEquals(137, run.process().exitValue(), "SIGKILL, not a clean end");

            assertEquals("ok", sql(file, "PRAGMA integrity_check"));
            long last = Long.parseLong(sql(file, "SELECT MAX(time_ms) FROM snapshot"));
            assertTrue(last >= killed - 1000, "the last row is " + (killed - last) + " ms older than the kill");
            assertEquals("2", sql(file, "SELECT COUNT(DISTINCT pack) FROM snapshot"));
        }
    }

    @Test
    void aTimedRecordingEndsCleanlyAndWrongOptionsAreRefused() throws Exception {
        Path folder = Bmsw.WORK.resolve("record-timed");
        try (Bmsw.Run run = Bmsw.bmsw("record-timed", "record", "--bus", "sim:1,cells=16,temps=4,interval=200",
                "--folder", folder.toString(), "--seconds", "3")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(90)), run.text());
            assertTrue(run.text().contains("snapshots of 1 pack in"), run.text());
            Path file = session(folder);
            assertTrue(file != null, "one session file in " + folder);
            assertEquals("16|", sql(file, "SELECT cells, v17 FROM snapshot LIMIT 1"),
                    "a cell the pack does not have is NULL, not 0");
            assertEquals("ok", sql(file, "PRAGMA integrity_check"));
            assertTrue(Files.notExists(file.resolveSibling(file.getFileName() + "-wal"))
                    || Files.size(file.resolveSibling(file.getFileName() + "-wal")) == 0,
                    "a clean end folds the write-ahead log into the file");
        }
        try (Bmsw.Run wrong = Bmsw.bmsw("record-wrong", "record", "--bus", "sim:1", "--seconds", "soon")) {
            assertEquals(2, wrong.waitFor(Duration.ofSeconds(60)), wrong.text());
            assertTrue(wrong.text().contains("--seconds soon"), wrong.text());
        }
    }
}
