package org.bmsworkbench.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.FirmwareTarget;

/**
 * The firmware upgrade target of a simulated board: erase, block transfer, whole-image CRC-32 check and a
 * restart into the new version, with the timings of docs/protocols/modbus-native.md section 9.8 in
 * simulated time. An image that starts with {@link #MAGIC} carries a header (hardware name, then version,
 * 16 bytes each, NUL padded) that must name this board's hardware; other images are taken as raw.
 */
final class SimFirmware implements FirmwareTarget {

    static final byte[] MAGIC = "BMSWFW1\0".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_IMAGE = 1 << 20;
    private static final int BLOCK = 128;
    private static final double ERASE_SECONDS = 1;
    private static final double CHECK_SECONDS = 0.5;
    private static final double RESTART_SECONDS = 3;
    private static final double BLOCK_TIMEOUT_SECONDS = 60;

    /** What the target needs of its board. */
    interface Host {
        double now();

        boolean currentFlowing();

        String hardwareVersion();

        String softwareVersion();

        void restartInto(String version);
    }

    private final Host host;
    private int status = STATUS_IDLE;
    private int error = ERROR_NONE;
    private int nextBlock;
    private long size;
    private long crc;
    private byte[] image = new byte[0];
    private double until;
    private double lastBlockAt;

    SimFirmware(Host host) {
        this.host = host;
    }

    synchronized void step() {
        double now = host.now();
        switch (status) {
            case STATUS_ERASING -> {
                if (now >= until) {
                    status = STATUS_READY;
                    lastBlockAt = now;
                }
            }
            case STATUS_READY, STATUS_RECEIVING -> {
                if (now - lastBlockAt > BLOCK_TIMEOUT_SECONDS) {
                    fail(ERROR_TIMEOUT);
                }
            }
            case STATUS_CHECKING -> {
                if (now >= until) {
                    check();
                }
            }
            case STATUS_ACTIVATING -> {
                if (now >= until) {
                    host.restartInto(newVersion());
                    status = STATUS_IDLE;
                    image = new byte[0];
                }
            }
            default -> {
                // idle, verified and failed wait for the host
            }
        }
    }

    /** Whether the board is restarting into a new image and so does not answer. */
    synchronized boolean restarting() {
        return status == STATUS_ACTIVATING;
    }

    private void fail(int code) {
        status = STATUS_FAILED;
        error = code;
    }

    private void check() {
        CRC32 c = new CRC32();
        c.update(image, 0, (int) size);
        if (c.getValue() != crc) {
            fail(ERROR_CRC);
        } else if (hasHeader() && !headerText(MAGIC.length).equals(host.hardwareVersion())) {
            fail(ERROR_HARDWARE);
        } else {
            status = STATUS_VERIFIED;
        }
    }

    private boolean hasHeader() {
        return size >= MAGIC.length + 32 && Arrays.equals(image, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private String headerText(int from) {
        int end = from;
        while (end < from + 16 && image[end] != 0) {
            end++;
        }
        return new String(image, from, end - from, StandardCharsets.US_ASCII).trim();
    }

    private String newVersion() {
        if (hasHeader()) {
            return headerText(MAGIC.length + 16);
        }
        String v = host.softwareVersion();
        int dot = v.lastIndexOf('.');
        try {
            return v.substring(0, dot + 1) + (Integer.parseInt(v.substring(dot + 1)) + 1);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return v + "+1";
        }
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public synchronized int status() {
        return status;
    }

    @Override
    public synchronized int error() {
        return status == STATUS_FAILED ? error : ERROR_NONE;
    }

    @Override
    public synchronized int nextBlock() {
        return nextBlock;
    }

    @Override
    public synchronized long imageSize() {
        return size;
    }

    @Override
    public synchronized long imageCrc() {
        return crc;
    }

    @Override
    public synchronized void announce(long imageSize, long imageCrc) {
        size = imageSize;
        crc = imageCrc;
    }

    @Override
    public synchronized BoardResult start() {
        if (status == STATUS_ACTIVATING || status == STATUS_CHECKING) {
            error = ERROR_STATE;
            return BoardResult.NOT_ALLOWED;
        }
        if (size <= 0 || size > MAX_IMAGE) {
            fail(ERROR_SIZE);
            return BoardResult.INVALID_VALUE;
        }
        image = new byte[(int) ((size + BLOCK - 1) / BLOCK * BLOCK)];
        Arrays.fill(image, (byte) 0xFF);
        nextBlock = 0;
        error = ERROR_NONE;
        status = STATUS_ERASING;
        until = host.now() + ERASE_SECONDS;
        return BoardResult.DONE;
    }

    @Override
    public synchronized BoardResult block(int number, byte[] data) {
        if (status == STATUS_ERASING) {
            return BoardResult.BUSY;
        }
        if (status != STATUS_READY && status != STATUS_RECEIVING) {
            error = ERROR_STATE;
            return BoardResult.NOT_ALLOWED;
        }
        if (data.length != BLOCK) {
            return BoardResult.INVALID_VALUE;
        }
        if (number == nextBlock - 1) {
            lastBlockAt = host.now();
            return BoardResult.DONE;
        }
        if (number != nextBlock || (long) number * BLOCK >= image.length) {
            error = ERROR_SEQUENCE;
            return BoardResult.INVALID_VALUE;
        }
        System.arraycopy(data, 0, image, number * BLOCK, BLOCK);
        nextBlock++;
        status = STATUS_RECEIVING;
        lastBlockAt = host.now();
        return BoardResult.DONE;
    }

    @Override
    public synchronized BoardResult finish() {
        if (status != STATUS_RECEIVING && status != STATUS_READY) {
            error = ERROR_STATE;
            return BoardResult.NOT_ALLOWED;
        }
        if ((long) nextBlock * BLOCK < size) {
            error = ERROR_INCOMPLETE;
            return BoardResult.INVALID_VALUE;
        }
        status = STATUS_CHECKING;
        until = host.now() + CHECK_SECONDS;
        return BoardResult.DONE;
    }

    @Override
    public synchronized BoardResult activate() {
        if (status != STATUS_VERIFIED) {
            error = ERROR_STATE;
            return BoardResult.NOT_ALLOWED;
        }
        if (host.currentFlowing()) {
            error = ERROR_CURRENT;
            return BoardResult.REFUSED_CURRENT_FLOWING;
        }
        status = STATUS_ACTIVATING;
        until = host.now() + RESTART_SECONDS;
        return BoardResult.DONE;
    }

    @Override
    public synchronized void abort() {
        if (status != STATUS_ACTIVATING) {
            status = STATUS_IDLE;
            error = ERROR_NONE;
            nextBlock = 0;
            image = new byte[0];
        }
    }
}
