package org.bmsworkbench.config.firmware;

/**
 * How a transfer goes.
 *
 * @param step           what is being done ({@link Step})
 * @param block          blocks acknowledged by the board
 * @param blocks         blocks of the image
 * @param bytesPerSecond image bytes acknowledged per second since this transfer (or its resumption) began
 * @param secondsLeft    at that rate, for the blocks still to send; NaN when not known yet
 * @param resumedAt      the block this transfer resumed at, 0 for a transfer from the start
 */
public record FirmwareProgress(Step step, int block, int blocks, double bytesPerSecond, double secondsLeft,
        int resumedAt) {

    /** The steps of an upgrade. */
    public enum Step {
        CHECKING, ERASING, SENDING, VERIFYING, ACTIVATING, RESTARTING, DONE, ABORTED
    }
}
