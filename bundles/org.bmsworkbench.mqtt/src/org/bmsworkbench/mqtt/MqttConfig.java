package org.bmsworkbench.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The workbench's MQTT settings (Tools &gt; MQTT): whether it publishes at all, and the {@link MqttSettings} it
 * publishes with. Kept in {@code <workspace>/.metadata/mqtt.properties} by {@link MqttConfigStore}.
 *
 * @param clientId empty: {@code bmsw-workbench-<host>}
 */
public record MqttConfig(boolean enabled, String url, String base, String clientId, int qos, Duration interval,
        String user, String password, Path caFile, boolean discovery, String discoveryPrefix) {

    public MqttConfig {
        url = url == null ? "" : url.strip();
        base = base == null ? "" : base.strip();
        clientId = clientId == null ? "" : clientId.strip();
        interval = interval == null ? MqttSettings.DEFAULT_INTERVAL : interval;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        discoveryPrefix = discoveryPrefix == null ? "" : discoveryPrefix.strip();
    }

    /** Off, with a broker on this computer and every other default. */
    public static MqttConfig defaults() {
        return new MqttConfig(false, "tcp://localhost:1883", MqttSettings.DEFAULT_BASE, "", 1,
                MqttSettings.DEFAULT_INTERVAL, "", "", null, true, MqttSettings.DEFAULT_DISCOVERY_PREFIX);
    }

    /**
     * The publisher's settings; throws {@link IllegalArgumentException} with a one-line message when a field is
     * wrong (also when publishing is off, so that what is saved is always usable).
     */
    public MqttSettings settings(String host) {
        String id = clientId.isEmpty() ? "bmsw-workbench-" + Topics.id(host.isBlank() ? "host" : host) : clientId;
        return new MqttSettings(url, base, id, qos, interval, user, password, caFile, discovery, discoveryPrefix,
                MqttSettings.DEFAULT_BUFFER);
    }

    public MqttConfig withEnabled(boolean on) {
        return new MqttConfig(on, url, base, clientId, qos, interval, user, password, caFile, discovery, discoveryPrefix);
    }
}
