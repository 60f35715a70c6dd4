package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The communication record on disk: its lines, and a size that stays bounded however long the bus runs. */
class CommunicationLogTest {

    private static final Instant T = Instant.parse("2026-11-24T09:30:00.125Z");

    @Test
    void writesOneLinePerFrameWithDirectionPackOutcomeAndBytes() {
        FrameRecord tx = new FrameRecord("bus-1", T, FrameRecord.Direction.TX, 1,
                new byte[] { 1, 4, 0, 0, 0, 0x3C, (byte) 0xF0, 0x1B }, null, "read input registers 0x0000..0x003B");
        assertEquals("2026-11-24T09:30:00.125Z bus-1 TX 1 01 04 00 00 00 3C F0 1B | read input registers 0x0000..0x003B",
                CommunicationLog.line(tx));
        FrameRecord timeout = new FrameRecord("bus-1", T, FrameRecord.Direction.RX, 2, new byte[0],
                LinkErrorKind.TIMEOUT, "no reply in 500 ms");
        assertEquals("2026-11-24T09:30:00.125Z bus-1 RX 2 TIMEOUT - | no reply in 500 ms", CommunicationLog.line(timeout));
        FrameRecord ascii = new FrameRecord("bus-1", T, FrameRecord.Direction.RX, 2,
                "~20024600C0040002FD35\r".getBytes(StandardCharsets.US_ASCII), null, "");
        assertEquals("2026-11-24T09:30:00.125Z bus-1 RX 2 ok ~20024600C0040002FD35\\r | ", CommunicationLog.line(ascii));
    }

    @Test
    void rollsOverAndKeepsOnlyTheNewestFiles(@TempDir Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        try (CommunicationLog log = new CommunicationLog(dir, 4096, 2, problems::add)) {
            for (int i = 0; i < 1000; i++) {
                log.frame(new FrameRecord("bus-1", T.plusMillis(i), FrameRecord.Direction.TX, 1, new byte[16], null,
                        "frame " + i));
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(Files.exists(dir.resolve("comm.log")));
        assertTrue(Files.exists(dir.resolve("comm.1.log")));
        assertTrue(Files.exists(dir.resolve("comm.2.log")));
        assertFalse(Files.exists(dir.resolve("comm.3.log")));
        for (String name : List.of("comm.log", "comm.1.log", "comm.2.log")) {
            assertTrue(Files.size(dir.resolve(name)) <= 4096 + 200, name + " " + Files.size(dir.resolve(name)));
        }
        List<String> newest = Files.readAllLines(dir.resolve("comm.log"));
        assertTrue(newest.get(newest.size() - 1).endsWith("| frame 999"), newest.get(newest.size() - 1));
        List<String> older = Files.readAllLines(dir.resolve("comm.1.log"));
        int lastOlder = Integer.parseInt(older.get(older.size() - 1).replaceAll(".*frame ", ""));
        int firstNewest = Integer.parseInt(newest.get(0).replaceAll(".*frame ", ""));
        assertEquals(lastOlder + 1, firstNewest, "no line lost at the roll-over");
    }

    @Test
    void anUnwritableFolderStopsTheRecordWithOneMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        List<String> problems = new ArrayList<>();
        try (CommunicationLog log = new CommunicationLog(file, 4096, 2, problems::add)) {
            for (int i = 0; i < 3; i++) {
                log.frame(new FrameRecord("bus-1", T, FrameRecord.Direction.TX, 1, new byte[2], null, ""));
            }
        }
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("the communication record stopped"), problems.get(0));
    }
}
