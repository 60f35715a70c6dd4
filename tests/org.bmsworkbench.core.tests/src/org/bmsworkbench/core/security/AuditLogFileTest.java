package org.bmsworkbench.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bmsworkbench.core.security.AuditEntry.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogFileTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00.123Z");

    @TempDir
    Path dir;

    private static AuditEntry entry(String what, String oldValue, String newValue, Result result, String detail) {
        return new AuditEntry(T, "operator", "bus-1", 2, what, oldValue, newValue, result, detail);
    }

    @Test
    void oneLinePerEntryAfterAHeader() throws IOException {
        AuditLogFile log = new AuditLogFile(dir.resolve("meta").resolve("audit.log"));
        log.record(entry("cellHighVoltageAlarm", "3.600 V", "3.650 V", Result.CONFIRMED, ""));
        log.record(entry("CFET", "on", "off", Result.REFUSED, "locked"));
        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("# "), lines.get(0));
        assertEquals("2026-11-24T08:00:00.123Z\toperator\tbus-1\t2\tcellHighVoltageAlarm\t3.600 V\t3.650 V\tCONFIRMED\t\t"
                + AuditLogFile.chain(AuditLogFile.GENESIS, lines.get(1).substring(0, lines.get(1).lastIndexOf('\t'))),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("2026-11-24T08:00:00.123Z\toperator\tbus-1\t2\tCFET\ton\toff\tREFUSED\tlocked\t"),
                lines.get(2));
        assertEquals(64, lines.get(2).length() - lines.get(2).lastIndexOf('\t') - 1, "a SHA-256 in hex");
    }

    @Test
    void aSecondInstanceAppendsAndNeverTruncates() throws IOException {
        Path file = dir.resolve("audit.log");
        new AuditLogFile(file).record(entry("CFET", "on", "off", Result.CONFIRMED, ""));
        new AuditLogFile(file).record(entry("DFET", "on", "off", Result.FAILED, "no answer"));
        new AuditLogService(file).record(entry("clock", "", "2026-11-24T08:00:00", Result.CONFIRMED, ""));
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(lines.get(1).contains("\tCFET\t"));
        assertTrue(lines.get(2).contains("\tDFET\t") && lines.get(2).contains("\tFAILED\tno answer\t"));
        assertTrue(lines.get(3).contains("\tclock\t"));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("#")).count(), "one header only");
    }

    @Test
    void fieldsCannotBreakTheLineOrTheColumns() throws IOException {
        AuditLogFile log = new AuditLogFile(dir.resolve("audit.log"));
        log.record(new AuditEntry(T, "op\terator", "bus\n1", 0, "what\\x", "a\r\nb", "\u7535\u538b", Result.FAILED,
                "line1\nline2"));
        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        String[] fields = lines.get(1).split("\t", -1);
        assertEquals(10, fields.length);
        assertEquals("op\\terator", fields[1]);
        assertEquals("bus\\n1", fields[2]);
        assertEquals("what\\\\x", fields[4]);
        assertEquals("a\\r\\nb", fields[5]);
        assertEquals("\u7535\u538b", fields[6]);
        assertEquals("line1\\nline2", fields[8]);
    }

    @Test
    void theCurrentUserIsRecorded() {
        AuditEntry e = AuditEntry.of(T, "bus-1", 3, "CFET", null, "off", Result.CONFIRMED, null);
        assertEquals(System.getProperty("user.name"), e.user());
        assertEquals("", e.oldValue());
        assertEquals("", e.detail());
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(T, "bus-1", 3, " ", "", "", Result.CONFIRMED, ""));
    }

    @Test
    void aWriteFailureIsReported() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        AuditLogFile log = new AuditLogFile(blocker.resolve("audit.log"));
        assertThrows(IOException.class, () -> log.record(entry("CFET", "on", "off", Result.CONFIRMED, "")));
    }

    @Test
    void theChainHoldsAcrossInstancesAndBreaksAtAnEditedLine() throws Exception {
        Path file = dir.resolve("audit.log");
        for (int i = 0; i < 20; i++) {
            AuditLog log = i % 2 == 0 ? new AuditLogFile(file) : new AuditLogService(file);
            log.record(entry("CFET", "on", "off", Result.values()[i % Result.values().length], "step " + i));
        }
        AuditChain.Result ok = AuditChain.verify(file);
        assertTrue(ok.intact(), ok.toString());
        assertEquals(20, ok.entries());

        List<String> lines = Files.readAllLines(file);
        String original = lines.get(7);
        lines.set(7, original.replace("\toff\t", "\ton\t"));
        Files.write(file, lines);
        AuditChain.Result edited = AuditChain.verify(file);
        assertEquals(8, edited.brokenAt(), edited.toString());
        assertEquals(6, edited.entries());

        lines = Files.readAllLines(file);
        lines.set(7, original);
        lines.remove(12);
        Files.write(file, lines);
        assertEquals(13, AuditChain.verify(file).brokenAt(), "a removed line breaks the chain at the next one");
    }

    @Test
    void aLogFromBeforeTheChainIsKeptWholeBesideTheNewOne() throws Exception {
        Path file = dir.resolve("audit.log");
        List<String> old = List.of("# BMS Workbench audit log: time\tuser\tbus\tpack\twhat\told\tnew\tresult\tdetail",
                "2026-11-24T08:00:00.123Z\toperator\tbus-1\t2\tCFET\ton\toff\tSENT\t");
        Files.write(file, old);
        new AuditLogFile(file).record(entry("DFET", "on", "off", Result.REQUESTED, ""));
        assertEquals(old, Files.readAllLines(dir.resolve("audit.log.unchained")), "nothing recorded is lost");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(AuditChain.verify(file).intact());
    }
}
