package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw firmware} as a production line runs it, against {@code ./bmsw sim --pty} (one modbus-native pack
 * at rest, 115200 baud): a corrupt image is refused before anything changing is sent, a good one is sent, the new
 * version read back and the write audited in a chain {@code ./bmsw audit} accepts; wrong options and a bus that
 * cannot be opened end with their own exit status. The images are written here from the format of
 * docs/firmware.md, independently of the workbench's own FirmwareImage.
 */
class FirmwareIT {

    /** The simulated board's hardware and the version it runs at start (SimFirmware, BoardTexts). */
    private static final String HARDWARE = "NB176S33-R3";
    private static final String RUNNING = "NB176-1.04.2";
    private static final String PASSWORD = "AF123456";
    private static final Pattern HOST = Pattern.compile("connect the host to (\\S+)");

    /** The BMSWFW1 header (magic, hardware, version, payload length, payload CRC-32, big endian), then the payload. */
    static byte[] image(String hardware, String version, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(48 + payload.length);
        b.put("BMSWFW1\0".getBytes(StandardCharsets.US_ASCII));
        b.put(Arrays.copyOf(hardware.getBytes(StandardCharsets.US_ASCII), 16));
        b.put(Arrays.copyOf(version.getBytes(StandardCharsets.US_ASCII), 16));
        b.putInt(payload.length);
        b.putInt((int) crc.getValue());
        b.put(payload);
        return b.array();
    }

    private static Bmsw.Run firmware(String name, Path data, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("firmware"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return Bmsw.bmsw(name, env -> env.put("BMSW_PASSWORD", PASSWORD), all.toArray(String[]::new));
    }

    @Test
    void aCorruptImageIsRefusedAndAGoodOneIsSentReadBackAndAudited() throws Exception {
        Path dir = Files.createDirectories(Bmsw.WORK.resolve("firmware"));
        Path data = dir.resolve("workspace");
        byte[] payload = new byte[8000];
        new Random(17).nextBytes(payload);
        Path good = dir.resolve("good.bin");
        Files.write(good, image(HARDWARE, "NB176-1.05.0", payload));
        byte[] bad = image(HARDWARE, "NB176-1.05.0", payload);
        bad[3000] ^= 0x01;
        Path corrupt = dir.resolve("corrupt.bin");
        Files.write(corrupt, bad);

        try (Bmsw.Run sim = Bmsw.bmsw("firmware-sim", "sim", "--pty", "--packs", "1", "--protocol", "modbus-native",
                "--baud", "115200", "--profile", "rest")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!sim.text().contains("ready") && sim.process().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Matcher host = HOST.matcher(sim.text());
            assertTrue(sim.text().contains("ready") && host.find(), "./bmsw sim is ready on a pty:\n" + sim.text());
            String bus = "serial:" + host.group(1) + ",baud=115200,protocol=modbus-native,packs=1";

            try (Bmsw.Run run = firmware("firmware-corrupt", data, "--bus", bus, "--address", "1", "--image",
                    corrupt.toString(), "--yes")) {
                assertEquals(1, run.waitFor(Duration.ofSeconds(120)), run.text());
                assertTrue(run.text().contains("refused, nothing was sent"), run.text());
                assertTrue(run.text().contains("corrupt"), run.text());
                assertFalse(run.text().contains("erasing"), "no transfer began:\n" + run.text());
            }

            try (Bmsw.Run run = firmware("firmware-good", data, "--bus", bus, "--address", "1", "--image",
                    good.toString(), "--yes")) {
                assertEquals(0, run.waitFor(Duration.ofSeconds(180)), run.text());
                assertTrue(run.text().contains("pack 1 now runs version NB176-1.05.0 (was " + RUNNING + "): 63 blocks"),
                        "the new version read back, and the corrupt image changed nothing before:\n" + run.text());
                assertTrue(run.text().contains("bmsw firmware: block "), "progress on stderr:\n" + run.text());
            }

            // the same image again: the pack already runs it
            try (Bmsw.Run run = firmware("firmware-again", data, "--bus", bus, "--address", "1", "--image",
                    good.toString(), "--yes")) {
                assertEquals(1, run.waitFor(Duration.ofSeconds(120)), run.text());
                assertTrue(run.text().contains("already runs version NB176-1.05.0"), run.text());
            }
        }

        Path audit = data.resolve(".metadata/audit.log");
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\tfirmware\t") && l.contains("good.bin")
                && l.contains("CONFIRMED") && l.contains("NB176-1.05.0")), "the upgrade is audited:\n" + lines);
        try (Bmsw.Run verify = Bmsw.bmsw("firmware-audit", "audit", "--verify", audit.toString())) {
            assertEquals(0, verify.waitFor(Duration.ofSeconds(60)), verify.text());
        }
    }

    @Test
    void wrongOptionsAndABusThatCannotBeOpenedHaveTheirOwnExitStatus() throws Exception {
        Path dir = Files.createDirectories(Bmsw.WORK.resolve("firmware-status"));
        Path data = dir.resolve("workspace");
        Path good = dir.resolve("good.bin");
        Files.write(good, image(HARDWARE, "NB176-1.05.0", new byte[1000]));

        try (Bmsw.Run run = firmware("firmware-no-image", data, "--bus", "sim:1", "--address", "1", "--yes")) {
            assertEquals(2, run.waitFor(Duration.ofSeconds(60)), run.text());
            assertTrue(run.text().contains("Missing required option: '--image=FILE'"), run.text());
        }
        try (Bmsw.Run run = firmware("firmware-missing-file", data, "--bus", "sim:1", "--address", "1", "--image",
                dir.resolve("nowhere.bin").toString(), "--yes")) {
            assertEquals(2, run.waitFor(Duration.ofSeconds(60)), run.text());
            assertTrue(run.text().contains("no image"), run.text());
        }
        try (Bmsw.Run run = firmware("firmware-no-port", data, "--bus",
                "serial:/dev/nonexistent,baud=115200,protocol=modbus-native,packs=1", "--address", "1", "--image",
                good.toString(), "--yes")) {
            assertEquals(3, run.waitFor(Duration.ofSeconds(90)), run.text());
            assertTrue(run.text().contains("the bus could not be opened"), run.text());
        }
        try (Bmsw.Run run = Bmsw.bmsw("firmware-help", "firmware", "--help")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.text());
            assertTrue(run.text().contains("Usage: bmsw firmware") && run.text().contains("--image=FILE"), run.text());
        }
    }
}
