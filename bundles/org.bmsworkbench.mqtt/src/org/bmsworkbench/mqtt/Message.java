package org.bmsworkbench.mqtt;

import java.util.Objects;

/** One MQTT message to publish. */
public record Message(String topic, String payload, boolean retained) {

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
