package org.bmsworkbench.config.firmware;

/**
 * An upgrade that reached its end.
 *
 * @param oldVersion    the version running before
 * @param newVersion    the version read back after the restart
 * @param expected      the version the image names, empty when it has no header
 * @param blocks        blocks of the image
 * @param resumedAt     the block the transfer resumed at (0: from the start)
 * @param transferNanos time from the first block sent to the last acknowledged
 * @param bytesSent     image bytes sent in that time
 */
public record FirmwareResult(String oldVersion, String newVersion, String expected, int blocks, int resumedAt,
        long transferNanos, long bytesSent) {

    /** Whether the pack now runs the image: its version when the image names one, else a version change. */
    public boolean runsImage() {
        return expected.isEmpty() ? !newVersion.equals(oldVersion) : newVersion.equals(expected);
    }
}
