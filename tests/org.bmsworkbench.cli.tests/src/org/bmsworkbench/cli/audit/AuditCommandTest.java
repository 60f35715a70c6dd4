package org.bmsworkbench.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bmsworkbench.cli.CliRun;
import org.bmsworkbench.core.security.AuditEntry;
import org.bmsworkbench.core.security.AuditEntry.Result;
import org.bmsworkbench.core.security.AuditLogFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmsw audit --verify}: where the chain breaks, and its exit status. */
class AuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCommandSaysWhereTheChainBreaks() throws Exception {
        Path file = dir.resolve("audit.log");
        AuditLogFile log = new AuditLogFile(file);
        for (int i = 0; i < 3; i++) {
            log.record(new AuditEntry(Instant.parse("2026-12-06T10:00:00Z"), "operator", "bus-1", 2, "DFET", "on", "off",
                    Result.REQUESTED, ""));
        }
        CliRun ok = CliRun.of("audit", "--verify", file.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().endsWith("3 entries, the chain holds" + System.lineSeparator()), ok.out());

        List<String> lines = Files.readAllLines(file);
        lines.set(2, lines.get(2).replace("operator", "someone"));
        Files.write(file, lines);
        CliRun broken = CliRun.of("audit", "--verify", file.toString());
        assertEquals(1, broken.status());
        assertTrue(broken.out().contains(": line 3: the chain breaks"), broken.out());
        assertEquals(2, CliRun.of("audit", "--verify", dir.resolve("none").toString()).status());
        CliRun wrong = CliRun.of("audit", "--check");
        assertEquals(2, wrong.status());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
    }
}
