package org.bmsworkbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addressListsAndTimes() throws Exception {
        assertEquals(Set.of(1, 3, 5, 6, 7, 8), ExportMain.addresses("--packs", "1,3,5-8"));
        assertThrows(ExportMain.UsageException.class, () -> ExportMain.addresses("--packs", "3-1"));
        assertThrows(ExportMain.UsageException.class, () -> ExportMain.addresses("--packs", "a"));
        assertEquals(Instant.parse("2026-12-06T09:00:00Z"), ExportMain.time("--from", "2026-12-06T10:00+01:00"));
        assertEquals(Instant.parse("2026-12-06T09:00:00.5Z"), ExportMain.time("--from", "2026-12-06T09:00:00.5Z"));
        assertThrows(ExportMain.UsageException.class, () -> ExportMain.time("--to", "yesterday"));
    }

    @Test
    void wrongOptionsExit2WithOneLineAndTheUsage() {
        assertEquals(2, run("--recording", "x.sqlite", "--format", "pdf", "--out", "x.pdf"));
        assertTrue(err().startsWith("bmsw export: --format pdf: use xlsx or csv\nUsage: bmsw export"), err());
        err.reset();
        assertEquals(2, run("--recording", "x.sqlite", "--format", "csv"));
        assertTrue(err().startsWith("bmsw export: --out FILE is required"), err());
    }

    @Test
    void anUnreadableRecordingExits1() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "text");
        assertEquals(1, run("--recording", junk.toString(), "--format", "csv", "--out", dir.resolve("o.csv").toString()));
        assertTrue(err().startsWith("bmsw export: cannot open the recording "), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void helpExits0() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: bmsw export"));
    }
}
