package org.bmsworkbench.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.Main;
import org.bmsworkbench.connection.LinkLookup;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "export";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(new Cli(new ProtocolCatalog(List.of()), LinkLookup.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                all);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addressListsAndTimes() throws Exception {
        assertEquals(Set.of(1, 3, 5, 6, 7, 8), ExportCommand.addresses("--packs", "1,3,5-8"));
        assertThrows(ExportCommand.UsageException.class, () -> ExportCommand.addresses("--packs", "3-1"));
        assertThrows(ExportCommand.UsageException.class, () -> ExportCommand.addresses("--packs", "a"));
        assertEquals(Instant.parse("2026-12-06T09:00:00Z"), ExportCommand.time("--from", "2026-12-06T10:00+01:00"));
        assertEquals(Instant.parse("2026-12-06T09:00:00.5Z"), ExportCommand.time("--from", "2026-12-06T09:00:00.5Z"));
        assertThrows(ExportCommand.UsageException.class, () -> ExportCommand.time("--to", "yesterday"));
    }

    @Test
    void wrongOptionsExit2WithOneLineAndTheUsage() {
        assertEquals(2, run("--recording", "x.sqlite", "--format", "pdf", "--out", "x.pdf"));
        assertEquals("bmsw export: --format pdf: use xlsx or csv (see bmsw export --help)\n", err());
        err.reset();
        assertEquals(2, run("--recording", "x.sqlite", "--format", "csv"));
        assertEquals("bmsw export: Missing required option: '--out=FILE' (see bmsw export --help)\n", err());
        err.reset();
        assertEquals(2, run("--recording", "x.sqlite", "--format", "csv", "--out", "x.csv", "--from", "2026-12-06",
                "--to", "2026-12-05"));
        assertEquals("bmsw export: --to is before --from\n", err());
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
