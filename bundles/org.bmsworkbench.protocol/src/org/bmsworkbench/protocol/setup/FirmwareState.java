package org.bmsworkbench.protocol.setup;

/**
 * A board's firmware transfer state (docs/protocols/modbus-native.md, section 9.8).
 *
 * @param status    {@link Status}
 * @param error     the error code when failed, 0 otherwise
 * @param blockSize bytes per block
 * @param nextBlock the block the board expects next
 * @param size      the image size the board was told
 * @param crc32     the image CRC-32 the board was told
 */
public record FirmwareState(Status status, int error, int blockSize, int nextBlock, long size, long crc32) {

    /** The transfer states. */
    public enum Status {
        IDLE, ERASING, READY, RECEIVING, CHECKING, VERIFIED, ACTIVATING, FAILED;

        public static Status of(int code) {
            Status[] all = values();
            if (code < 0 || code >= all.length) {
                throw new IllegalArgumentException("firmware status " + code + " is not 0..7");
            }
            return all[code];
        }
    }

    /** What the error code means, in English for logs and the audit line. */
    public String errorText() {
        return switch (error) {
            case 0 -> "no error";
            case 1 -> "the image size is 0 or larger than the standby area";
            case 2 -> "a block came out of sequence";
            case 3 -> "the flash could not be written or erased";
            case 4 -> "the CRC-32 of the image received differs";
            case 5 -> "the image header names other hardware";
            case 6 -> "the command is not allowed in this state";
            case 7 -> "no block arrived for 60 s";
            case 8 -> "current is flowing: activation refused";
            case 9 -> "finish came before every block";
            default -> "error " + error;
        };
    }
}
