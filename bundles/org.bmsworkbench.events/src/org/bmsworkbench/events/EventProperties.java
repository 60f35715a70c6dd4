package org.bmsworkbench.events;

import java.util.Map;
import java.util.Objects;

/**
 * Builds and reads event property maps without depending on e4: the payload sits under the same key
 * as e4's {@code IEventBroker.DATA}, which is what {@code @UIEventTopic} and {@code @EventTopic} inject.
 */
public final class EventProperties {

    /** The property key of the payload; equal to {@code IEventBroker.DATA}. */
    public static final String DATA = "org.eclipse.e4.data";

    private EventProperties() {
    }

    /** The properties of an event carrying {@code payload}. */
    public static Map<String, Object> of(Object payload) {
        return Map.of(DATA, Objects.requireNonNull(payload, "payload"));
    }

    /**
     * The payload of an event if it is of {@code type}, else {@code null}; an event from an unknown
     * publisher must not break a handler with a {@link ClassCastException}.
     */
    public static <T> T payload(Map<String, ?> properties, Class<T> type) {
        Object value = properties == null ? null : properties.get(DATA);
        return type.isInstance(value) ? type.cast(value) : null;
    }
}
