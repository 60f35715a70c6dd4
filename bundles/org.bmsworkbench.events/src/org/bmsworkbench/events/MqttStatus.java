package org.bmsworkbench.events;

import java.time.Instant;

/**
 * Payload of {@link BmsTopics#MQTT_STATE}: what the MQTT sink is doing, for the status line ({@code ./bmsw log}
 * prints the same facts as lines).
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

    public MqttStatus {
        java.util.Objects.requireNonNull(state, "state");
        broker = broker == null ? "" : broker;
        detail = detail == null ? "" : detail;
        java.util.Objects.requireNonNull(time, "time");
    }

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
