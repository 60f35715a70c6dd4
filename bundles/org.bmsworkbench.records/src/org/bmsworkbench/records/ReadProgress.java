package org.bmsworkbench.records;

/**
 * Where a record read stands, for the progress bar and its line of text.
 *
 * @param kind             data or alarm records
 * @param state            what the read is doing
 * @param done             records read in this run
 * @param total            records this run reads (0 until the board said how many it holds)
 * @param boardCount       records of this kind the board holds
 * @param recordsPerSecond the rate while reading (pauses left out), 0 before the first record
 * @param secondsLeft      time left at that rate, -1 when unknown
 * @param board            the board's identity (bar code or serial number), {@code ""} until read
 * @param message          what happened last, for people ({@code ""} while all goes well)
 */
public record ReadProgress(RecordKind kind, State state, long done, long total, long boardCount,
        double recordsPerSecond, double secondsLeft, String board, String message) {

    /** What a read is doing. */
    public enum State {
        STARTING, READING, PAUSED, STOPPED, DONE, FAILED;

        public boolean isFinal() {
            return this == STOPPED || this == DONE || this == FAILED;
        }
    }

    public ReadProgress {
        message = message == null ? "" : message;
        board = board == null ? "" : board;
    }

    /** 0..1, or -1 while the total is unknown. */
    public double fraction() {
        return total <= 0 ? (state == State.DONE ? 1 : -1) : Math.min(1, (double) done / total);
    }
}
