package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw log} into a throw-away PostgreSQL cluster (initdb in a temporary folder, a loopback port): rows
 * arrive and match the session file, a server restart mid-run loses nothing the session file has, and SIGTERM
 * ends the logger with status 0, a session file that passes {@code integrity_check} and holds the last second,
 * and everything written to the server. Read back with Debian's psql and sqlite3.
 */
class LogPostgresIT {

    /** The same rows from either side: bus, pack, time, cell count, first cell (mV) and first sensor. */
    private static final String ROWS_SQLITE = "SELECT b.bus_id || '/' || p.address || '/' || s.time_ms || '/' || s.cells"
            + " || '/' || CAST(s.v1 AS INTEGER) || '/' || s.temps FROM snapshot s JOIN pack p ON p.pack = s.pack"
            + " JOIN bus b ON b.bus = p.bus ORDER BY 1";
    private static final String ROWS_POSTGRES = "SELECT b.bus_id || '/' || p.address || '/' || s.time_ms || '/' || s.cells"
            + " || '/' || CAST(s.v1 AS INTEGER) || '/' || s.temps FROM snapshot s JOIN pack p ON p.pack = s.pack"
            + " JOIN bus b ON b.bus = p.bus ORDER BY 1";

    private static long number(String s) {
        return s.matches("\\d+") ? Long.parseLong(s) : -1;
    }

    @Test
    void rowsMatchTheSessionFileThroughAServerRestartAndSigterm() throws Exception {
        Optional<Path> initdb = Servers.program("initdb");
        Assumptions.assumeTrue(initdb.isPresent(),
                "SKIPPED: PostgreSQL is not installed (apt-get install postgresql; .ci/run does)");
        // under /tmp: the checkout may lie below a folder that the server's user cannot enter (/root)
        Path tmp = Files.createTempDirectory("bmsw-pg-it");
        Servers.Postgres pg = Servers.Postgres.create(initdb.get(), tmp, Servers.freePort());
        pg.start();
        Path folder = Bmsw.WORK.resolve("log-postgres");
        Servers.deleteTree(folder);
        try (Bmsw.Run run = Bmsw.bmsw("log-postgres", "log", "--bus", "sim:2,cells=16,temps=4,interval=200",
                "--bus", "sim:1,cells=8,temps=2,interval=300", "--recordings", folder.toString(), "--postgres",
                pg.jdbcUrl())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long before = 0;
            while (System.nanoTime() < deadline && before < 20) {
                Thread.sleep(500);
                before = number(pg.tryQuery("SELECT COUNT(*) FROM snapshot"));
            }
            assertTrue(before >= 20, "rows arrive in PostgreSQL: " + run.text() + "\n" + pg.log());

            pg.stop();
            Thread.sleep(4000);
            pg.start();
            long after = before;
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && after < before + 60) {
                Thread.sleep(500);
                after = number(pg.tryQuery("SELECT COUNT(*) FROM snapshot"));
            }
            assertTrue(after >= before + 60, "rows arrive again after the restart (" + before + " -> " + after + "): "
                    + run.text());

            Thread.sleep(2000);
            long stopped = System.currentTimeMillis();
            run.process().destroy(); // SIGTERM, as systemctl stop sends
            assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), "the logger ends after SIGTERM: " + run.text());
            assertEquals(0, run.process().exitValue(), "a requested stop is status 0: " + run.text());
            String out = run.text();
            assertTrue(out.contains("PostgreSQL: lost the connection"), out);
            assertTrue(out.contains("asked to stop"), out);

            Path file;
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> s = files.filter(p -> p.getFileName().toString().endsWith(".sqlite")).toList();
                assertEquals(1, s.size(), "one session file: " + s);
                file = s.get(0);
            }
            assertEquals("ok", LogMqttIT.sqlite(file, "PRAGMA integrity_check"));
            long last = number(LogMqttIT.sqlite(file, "SELECT MAX(time_ms) FROM snapshot"));
            assertTrue(last >= stopped - 1000, "the last row is " + (stopped - last) + " ms older than SIGTERM");
            assertTrue(!LogMqttIT.sqlite(file, "SELECT value FROM session WHERE key = 'ended'").isEmpty(),
                    "the session ended cleanly");

            String local = LogMqttIT.sqlite(file, ROWS_SQLITE);
            String server = pg.query(ROWS_POSTGRES);
            List<String> localRows = local.lines().toList();
            List<String> serverRows = server.lines().toList();
            assertTrue(localRows.size() > 100, localRows.size() + " rows in the session file");
            List<String> missing = localRows.stream().filter(r -> !serverRows.contains(r)).limit(5).toList();
            assertEquals(List.of(), missing, "rows of the session file missing on the server");
            assertEquals(localRows.size(), serverRows.size(), "no row twice and none extra on the server");
            assertEquals("3", pg.query("SELECT COUNT(*) FROM pack"));
            assertEquals("0", pg.query("SELECT COUNT(*) FROM gap"));
            assertEquals(file.toString(), pg.query("SELECT file FROM recording"));
        } finally {
            pg.stop();
            Servers.deleteTree(tmp);
        }
    }
}
