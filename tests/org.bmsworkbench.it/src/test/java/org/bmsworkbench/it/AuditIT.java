package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw audit --verify} on an audit log written here from the format documented in
 * {@code AuditLogFile} (a second, independent implementation of the chain), then on the same log with one
 * field edited, as someone hiding a write would.
 */
class AuditIT {

    private static String chain(String previous, String fields) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest((previous + "\n" + fields).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEditedLineIsFoundByItsNumber() throws Exception {
        Path dir = Files.createDirectories(Bmsw.WORK.resolve("audit"));
        Path log = dir.resolve("audit.log");
        List<String> lines = new ArrayList<>();
        lines.add("# BMS Workbench audit log: time\tuser\tbus\tpack\twhat\told\tnew\tresult\tdetail\tchain");
        String previous = "0".repeat(64);
        String[][] entries = {
                { "2026-12-06T08:00:00Z", "op", "bus-1", "3", "DFET_OFF", "on", "off", "REQUESTED", "" },
                { "2026-12-06T08:00:01Z", "op", "bus-1", "3", "DFET_OFF", "on", "off", "CONFIRMED", "DFET is now off" },
                { "2026-12-06T08:05:00Z", "", "", "0", "password:unlock", "", "", "REFUSED", "wrong password" } };
        for (String[] e : entries) {
            String fields = String.join("\t", e);
            previous = chain(previous, fields);
            lines.add(fields + "\t" + previous);
        }
        Files.write(log, lines, StandardCharsets.UTF_8);

        try (Bmsw.Run ok = Bmsw.bmsw("audit-ok", "audit", "--verify", log.toString())) {
            assertEquals(0, ok.waitFor(Duration.ofSeconds(60)), ok.text());
            assertTrue(ok.text().contains(log + ": 3 entries, the chain holds"), ok.text());
        }

        lines.set(2, lines.get(2).replace("CONFIRMED\tDFET is now off", "CONFIRMED\tDFET is now on"));
        Files.write(log, lines, StandardCharsets.UTF_8);
        try (Bmsw.Run edited = Bmsw.bmsw("audit-edited", "audit", "--verify", log.toString())) {
            assertEquals(1, edited.waitFor(Duration.ofSeconds(60)), edited.text());
            assertTrue(edited.text().contains(log + ": line 3: the chain breaks"), edited.text());
        }

        try (Bmsw.Run wrong = Bmsw.bmsw("audit-wrong", "audit", "--check")) {
            assertEquals(2, wrong.waitFor(Duration.ofSeconds(60)), wrong.text());
        }
    }
}
