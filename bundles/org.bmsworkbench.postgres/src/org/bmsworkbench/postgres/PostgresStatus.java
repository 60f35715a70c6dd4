package org.bmsworkbench.postgres;

import java.time.Instant;

/**
 * What the PostgreSQL sink is doing.
 *
 * @param state   connection state
 * @param detail  why, when disconnected or failed
 * @param written entries (snapshots and events) committed on the server
 * @param queued  entries waiting for the server
 * @param skipped snapshots left out because the buffer was full (each stretch is a {@code gap} row)
 */
public record PostgresStatus(State state, String detail, long written, int queued, long skipped, Instant time) {

    public enum State {
        OFF, CONNECTING, CONNECTED, DISCONNECTED,
        /** The server refused this client for good (user, password, database); no more tries. */
        FAILED
    }
}
