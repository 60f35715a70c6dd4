package org.bmsworkbench.config.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.bmsworkbench.model.DeviceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image file and the checks before the first block, without a bus: what each kind of file is told. */
class FirmwareImageTest {

    private static final String HARDWARE = "NB176S33-R3";
    private static final long MAX = 1 << 20;

    @TempDir
    Path dir;

    private static byte[] payload(int size) {
        byte[] p = new byte[size];
        new Random(3).nextBytes(p);
        return p;
    }

    private static DeviceIdentity pack(String hardware, String running) {
        return new DeviceIdentity(Map.of(DeviceIdentity.HARDWARE_VERSION, hardware, DeviceIdentity.SOFTWARE_VERSION,
                running));
    }

    private static FirmwareCheck check(String imageVersion, String running, boolean allowOlder) {
        FirmwareImage image = FirmwareImage.of("x.bin", FirmwareImage.build(HARDWARE, imageVersion, payload(500)));
        return FirmwareCheck.of(image, pack(HARDWARE, running), MAX, allowOlder);
    }

    @Test
    void versionsCompareNumberByNumberNotAsText() {
        assertEquals(1, FirmwareCheck.compareVersions("1.10", "1.9"));
        assertEquals(-1, FirmwareCheck.compareVersions("1.9", "1.10"));
        assertEquals(1, FirmwareCheck.compareVersions("NB176-1.10.0", "NB176-1.9.3"));
        assertEquals(0, FirmwareCheck.compareVersions("1.05", "1.5"), "leading zeros are the same number");
        assertEquals(0, FirmwareCheck.compareVersions("2.0", "2"), "a missing part counts as 0");
        assertEquals(1, FirmwareCheck.compareVersions("1.2.1", "1.2"));

        FirmwareCheck newer = check("NB176-1.10.0", "NB176-1.9.0", false);
        assertTrue(newer.passed(), newer.problems().toString());
        assertEquals(java.util.List.of(), newer.warnings());

        FirmwareCheck older = check("NB176-1.9.0", "NB176-1.10.0", false);
        assertFalse(older.passed());
        assertEquals(java.util.List.of("version NB176-1.9.0 is older than the running NB176-1.10.0 (a downgrade must be"
                + " asked for)"), older.problems());

        FirmwareCheck downgrade = check("NB176-1.9.0", "NB176-1.10.0", true);
        assertTrue(downgrade.passed(), "a downgrade asked for is sent");
        assertTrue(downgrade.warnings().get(0).contains("(downgrade)"), downgrade.warnings().toString());

        FirmwareCheck same = check("NB176-1.10.0", "NB176-1.10.0", false);
        assertEquals(java.util.List.of("the pack already runs version NB176-1.10.0"), same.problems());
    }

    @Test
    void anImageWithoutHeaderIsSentWithAWarningNotRefused() {
        FirmwareImage raw = FirmwareImage.of("raw.bin", payload(4000));
        assertFalse(raw.hasHeader());
        assertEquals("", raw.version());
        assertEquals("", raw.hardware());
        FirmwareCheck c = FirmwareCheck.of(raw, pack(HARDWARE, "NB176-1.04.2"), MAX, false);
        assertTrue(c.passed(), c.problems().toString());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).startsWith("the image carries no header"), c.warnings().toString());
    }

    @Test
    void anOversizedFileIsRefusedWithoutBeingRead() throws Exception {
        Path file = dir.resolve("big.bin");
        Files.write(file, FirmwareImage.build(HARDWARE, "NB176-9.0", payload(5000)));
        FirmwareImage big = FirmwareImage.read(file, 4096);
        assertEquals(5048, big.size(), "the size on disk");
        assertEquals(0, big.blocks(128), "nothing of it was read");
        FirmwareCheck c = FirmwareCheck.of(big, pack(HARDWARE, "NB176-1.04.2"), 4096, false);
        assertEquals(java.util.List.of("the image has 5048 bytes; the board takes at most 4096"), c.problems());

        FirmwareImage fits = FirmwareImage.read(file, 8192);
        assertTrue(FirmwareCheck.of(fits, pack(HARDWARE, "NB176-1.04.2"), 8192, false).passed());
        assertFalse(FirmwareCheck.of(fits, pack(HARDWARE, "NB176-1.04.2"), 5047, false).passed(),
                "one byte over the board's area");

        FirmwareCheck empty = FirmwareCheck.of(FirmwareImage.of("empty.bin", new byte[0]),
                pack(HARDWARE, "NB176-1.04.2"), MAX, false);
        assertEquals(java.util.List.of("the image is empty"), empty.problems());
    }

    @Test
    void aDamagedHeaderOrPayloadSaysWhatIsWrong() {
        byte[] good = FirmwareImage.build(HARDWARE, "NB176-9.0", payload(1000));
        DeviceIdentity pack = pack(HARDWARE, "NB176-1.04.2");

        FirmwareCheck cut = FirmwareCheck.of(FirmwareImage.of("cut.bin", Arrays.copyOf(good, 30)), pack, MAX, false);
        assertEquals(java.util.List.of("the header is cut short (30 of 48 bytes): the file is truncated"),
                cut.problems());

        byte[] appended = Arrays.copyOf(good, good.length + 10);
        FirmwareCheck longer = FirmwareCheck.of(FirmwareImage.of("long.bin", appended), pack, MAX, false);
        assertEquals(java.util.List.of("the header announces 1000 bytes of firmware but the file holds 1010: the file"
                + " has bytes appended"), longer.problems());

        FirmwareCheck noHardware = FirmwareCheck.of(FirmwareImage.of("x.bin", good), pack("", "NB176-1.04.2"), MAX,
                false);
        assertFalse(noHardware.passed());
        assertTrue(noHardware.problems().get(0).startsWith("the pack does not say its hardware"),
                noHardware.problems().toString());

        FirmwareCheck unknownVersion = FirmwareCheck.of(FirmwareImage.of("x.bin", good), pack(HARDWARE, ""), MAX,
                false);
        assertTrue(unknownVersion.passed(), unknownVersion.problems().toString());
        assertEquals(java.util.List.of("the pack does not say its firmware version"), unknownVersion.warnings());
    }

    @Test
    void theHeaderHoldsItsFieldsAndTheLastBlockIsPaddedWithFF() {
        byte[] bytes = FirmwareImage.build(HARDWARE, "NB176-9.0", payload(300));
        FirmwareImage image = FirmwareImage.of("x.bin", bytes);
        assertEquals(348, image.size());
        assertEquals(HARDWARE, image.hardware());
        assertEquals("NB176-9.0", image.version());
        assertEquals(3, image.blocks(128));
        byte[] last = image.block(2, 128);
        assertArrayEquals(Arrays.copyOfRange(bytes, 256, 348), Arrays.copyOf(last, 92));
        for (int i = 92; i < 128; i++) {
            assertEquals((byte) 0xFF, last[i], "padding at " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> FirmwareImage.build("A-HARDWARE-NAME-OF-17", "1", new byte[1]),
                "a header text has 16 bytes at most");
    }
}
