package org.bmsworkbench.mqtt;

import java.time.Instant;

/**
 * What the MQTT sink is doing, for a status line or a log.
 *
 * @param state     connection state
 * @param broker    the broker's URL
 * @param detail    why, for {@link State#DISCONNECTED} and {@link State#FAILED}; empty otherwise
 * @param published messages the broker accepted
 * @param dropped   messages dropped because the offline buffer was full
 * @param buffered  messages waiting for the broker
 * @param time      when this status was made
 */
public record MqttStatus(State state, String broker, String detail, long published, long dropped, int buffered,
        Instant time) {

    public enum State {
        /** Not started, or stopped. */
        OFF,
        /** Trying to reach the broker. */
        CONNECTING,
        CONNECTED,
        /** The broker is unreachable; retrying with backoff while messages are buffered. */
        DISCONNECTED,
        /** The broker refused this client for good (user, password or client id); no more tries. */
        FAILED
    }
}
