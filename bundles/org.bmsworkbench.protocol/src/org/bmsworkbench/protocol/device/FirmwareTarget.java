package org.bmsworkbench.protocol.device;

/**
 * A board's firmware upgrade target: a block transfer into a standby area, checked whole with CRC-32
 * (ISO-HDLC, as {@link java.util.zip.CRC32}) before it may be activated. Status and error values are
 * those of docs/protocols/modbus-native.md, section 9.8.
 */
public interface FirmwareTarget {

    int STATUS_IDLE = 0;
    int STATUS_ERASING = 1;
    int STATUS_READY = 2;
    int STATUS_RECEIVING = 3;
    int STATUS_CHECKING = 4;
    int STATUS_VERIFIED = 5;
    int STATUS_ACTIVATING = 6;
    int STATUS_FAILED = 7;

    int ERROR_NONE = 0;
    int ERROR_SIZE = 1;
    int ERROR_SEQUENCE = 2;
    int ERROR_FLASH = 3;
    int ERROR_CRC = 4;
    int ERROR_HARDWARE = 5;
    int ERROR_STATE = 6;
    int ERROR_TIMEOUT = 7;
    int ERROR_CURRENT = 8;
    int ERROR_INCOMPLETE = 9;

    int blockSize();

    int status();

    int error();

    int nextBlock();

    long imageSize();

    long imageCrc();

    /** Stores the size and CRC-32 the host announces (before a start). */
    void announce(long imageSize, long imageCrc);

    /** Erases the standby area for the announced image. */
    BoardResult start();

    /** Block {@code number} of the image, {@link #blockSize()} bytes, the last one padded with 0xFF. */
    BoardResult block(int number, byte[] data);

    /** Every block is in: check the CRC-32 and the image header. */
    BoardResult finish();

    /** Restart into the verified image. */
    BoardResult activate();

    /** Back to idle; the running firmware is untouched. */
    void abort();
}
