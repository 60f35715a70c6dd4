package org.bmsworkbench.protocol.setup;

/** The steps of a firmware transfer after the blocks. */
public enum FirmwareCommand {
    /** Every block is in: check the image's CRC-32 and header. */
    FINISH,
    /** Restart into the verified image. */
    ACTIVATE,
    /** Back to idle; the running firmware is untouched. */
    ABORT
}
