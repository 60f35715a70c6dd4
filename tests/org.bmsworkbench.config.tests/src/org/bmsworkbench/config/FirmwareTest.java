package org.bmsworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.config.firmware.FirmwareImage;
import org.bmsworkbench.config.firmware.FirmwareProgress;
import org.bmsworkbench.config.firmware.FirmwareResult;
import org.bmsworkbench.config.firmware.FirmwareUpgrade;
import org.bmsworkbench.config.firmware.FirmwareWrite;
import org.bmsworkbench.connection.testsupport.OneBusConnection;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.protocol.device.FirmwareTarget;
import org.bmsworkbench.sim.wire.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firmware upgrade against the simulator's firmware target: a good image is sent, verified, activated and its
 * version read back; a corrupt, truncated or wrong-model image is refused with no changing frame on the line; a
 * transfer cut by a lost line resumes from the last acknowledged block; Cancel aborts and keeps the old firmware.
 */
class FirmwareTest {

    private static final String HARDWARE = "NB176S33-R3";

    @TempDir
    Path dir;

    private ConfigRack rack;

    @BeforeEach
    void setUp() throws Exception {
        rack = new ConfigRack(2, 10, dir);
    }

    @AfterEach
    void tearDown() {
        rack.close();
    }

    private static byte[] payload(int size) {
        byte[] p = new byte[size];
        new Random(5).nextBytes(p);
        return p;
    }

    private String running() {
        return rack.sim.pack(1).text("softwareVersion");
    }

    private long firmwareFramesSent() {
        return rack.frames.stream().filter(f -> f.direction() == org.bmsworkbench.events.FrameRecord.Direction.TX)
                .filter(f -> f.bytes().length > 3 && (f.bytes()[1] == 0x10 || f.bytes()[1] == 0x06)
                        && (f.bytes()[2] & 0xFF) == 0x30)
                .count();
    }

    @Test
    void aGoodImageIsSentVerifiedActivatedAndItsVersionReadBack() throws Exception {
        FirmwareImage image = FirmwareImage.of("good.bin", FirmwareImage.build(HARDWARE, "NB176-1.05.0", payload(4000)));
        List<FirmwareProgress> seen = new CopyOnWriteArrayList<>();
        FirmwareWrite write = new FirmwareWrite(ConfigRack.BUS, 1, image, false, seen::add);
        WriteOutcome<FirmwareResult> o = new FirmwareUpgrade(rack.writes, m -> { }).run(write);
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail());
        assertEquals("NB176-1.05.0", o.value().newVersion());
        assertEquals("NB176-1.04.2", o.value().oldVersion());
        assertEquals("NB176-1.05.0", running());
        assertEquals(32, o.value().blocks());
        assertTrue(seen.stream().anyMatch(p -> p.step() == FirmwareProgress.Step.SENDING && p.bytesPerSecond() > 0));
        assertTrue(seen.stream().anyMatch(p -> p.step() == FirmwareProgress.Step.DONE));
        assertTrue(rack.auditLines().stream().anyMatch(l -> l.contains("firmware") && l.contains("CONFIRMED")),
                "audited");
    }

    private void assertRefusedWithNothingSent(FirmwareImage image, String reason) throws Exception {
        long before = firmwareFramesSent();
        FirmwareWrite write = new FirmwareWrite(ConfigRack.BUS, 1, image, false, p -> { });
        WriteOutcome<FirmwareResult> o = new FirmwareUpgrade(rack.writes, m -> { }).run(write);
        assertEquals(WriteOutcome.Kind.REFUSED, o.kind(), o.detail());
        assertTrue(o.detail().contains(reason), o.detail());
        assertTrue(o.detail().contains("nothing was sent"), o.detail());
        assertEquals(before, firmwareFramesSent(), "no firmware frame on the line");
        assertEquals(FirmwareTarget.STATUS_IDLE, rack.sim.pack(1).firmware().status());
        assertEquals("NB176-1.04.2", running());
    }

    @Test
    void corruptTruncatedAndWrongModelImagesAreRefusedBeforeTheFirstBlock() throws Exception {
        byte[] good = FirmwareImage.build(HARDWARE, "NB176-1.05.0", payload(3000));
        byte[] corrupt = good.clone();
        corrupt[1000] ^= 0x10;
        assertRefusedWithNothingSent(FirmwareImage.of("corrupt.bin", corrupt), "corrupt");
        assertRefusedWithNothingSent(FirmwareImage.of("cut.bin", java.util.Arrays.copyOf(good, 2000)), "truncated");
        assertRefusedWithNothingSent(FirmwareImage.of("other.bin", FirmwareImage.build("NB48S8-R1", "NB176-1.05.0",
                payload(3000))), "hardware NB48S8-R1");
        assertRefusedWithNothingSent(FirmwareImage.of("same.bin", FirmwareImage.build(HARDWARE, "NB176-1.04.2",
                payload(3000))), "already runs");
        assertRefusedWithNothingSent(FirmwareImage.of("old.bin", FirmwareImage.build(HARDWARE, "NB176-1.03.9",
                payload(3000))), "older");
    }

    @Test
    void aTransferCutByALostLineResumesFromTheLastAcknowledgedBlock() throws Exception {
        FirmwareImage image = FirmwareImage.of("big.bin", FirmwareImage.build(HARDWARE, "NB176-1.06.0", payload(40_000)));
        rack.faults.set(Fault.DISCONNECT, 0, 1.5);
        FirmwareWrite write = new FirmwareWrite(ConfigRack.BUS, 1, image, false, p -> {
            if (p.step() == FirmwareProgress.Step.SENDING && p.block() == 100 && p.resumedAt() == 0) {
                rack.faults.once(Fault.DISCONNECT);
            }
        });
        List<String> log = new CopyOnWriteArrayList<>();
        WriteOutcome<FirmwareResult> o = new FirmwareUpgrade(rack.writes, log::add).run(write);
        assertEquals(WriteOutcome.Kind.CONFIRMED, o.kind(), o.detail() + " " + log);
        assertTrue(o.value().resumedAt() >= 100, "resumed at " + o.value().resumedAt() + " " + log);
        assertFalse(log.isEmpty(), "the interruption is said");
        assertEquals("NB176-1.06.0", running());
        assertTrue(rack.auditLines().stream().anyMatch(l -> l.contains("firmware") && l.contains("FAILED")),
                "the interrupted attempt is on the audit log too");
    }

    @Test
    void cancelAbortsTheTransferAndThePackKeepsItsFirmware() throws Exception {
        FirmwareImage image = FirmwareImage.of("big.bin", FirmwareImage.build(HARDWARE, "NB176-1.06.0", payload(40_000)));
        FirmwareWrite write = new FirmwareWrite(ConfigRack.BUS, 1, image, false, p -> { });
        var future = rack.writes.submit(write);
        OneBusConnection.await(() -> write.acknowledged() >= 20, "20 blocks sent", 30);
        write.cancel();
        WriteOutcome<FirmwareResult> o = future.get(30, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.FAILED, o.kind(), o.detail());
        assertTrue(o.detail().contains("cancelled"), o.detail());
        assertEquals(FirmwareTarget.STATUS_IDLE, rack.sim.pack(1).firmware().status(), "aborted");
        assertEquals("NB176-1.04.2", running());
    }
}
