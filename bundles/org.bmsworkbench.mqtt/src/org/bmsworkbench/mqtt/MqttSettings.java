package org.bmsworkbench.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the MQTT sink publishes. {@code url} is {@code tcp://host:port} or {@code ssl://host:port};
 * {@code caFile} (PEM) is the authority that signed the broker's certificate when it is not one the JVM trusts.
 *
 * @param url           the broker
 * @param base          the first level of every topic this sink publishes, e.g. {@code bmsw} or {@code site3/bmsw}
 * @param clientId      the MQTT client id; two clients with one id push each other off the broker
 * @param qos           0, 1 or 2, for every message
 * @param interval      the shortest time between two state messages of one pack (0: every snapshot)
 * @param user          user name, empty for none
 * @param password      password, empty for none
 * @param caFile        PEM file of the certificate authority for {@code ssl://}, {@code null} for the JVM's own
 * @param discovery     whether to announce the packs to Home Assistant
 * @param discoveryPrefix Home Assistant's discovery prefix ({@code homeassistant})
 * @param bufferSize    messages kept while the broker is unreachable; the oldest go first when it is full
 */
public record MqttSettings(String url, String base, String clientId, int qos, Duration interval, String user,
        String password, Path caFile, boolean discovery, String discoveryPrefix, int bufferSize) {

    public static final String DEFAULT_BASE = "bmsw";
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_BUFFER = 10_000;

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        String scheme = scheme(url);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("MQTT broker " + url + ": tcp://host:port or ssl://host:port");
        }
        base = checkTopic(base == null || base.isBlank() ? DEFAULT_BASE : base.strip(), "base topic");
        discoveryPrefix = checkTopic(discoveryPrefix == null || discoveryPrefix.isBlank() ? DEFAULT_DISCOVERY_PREFIX
                : discoveryPrefix.strip(), "discovery prefix");
        clientId = clientId == null || clientId.isBlank() ? "bmsw-" + ProcessHandle.current().pid() : clientId;
        if (clientId.length() > 65535) {
            throw new IllegalArgumentException("MQTT client id: at most 65535 characters");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS " + qos + ": 0, 1 or 2");
        }
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        if (interval.isNegative()) {
            throw new IllegalArgumentException("MQTT interval " + interval + ": must not be negative");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (bufferSize < 1) {
            throw new IllegalArgumentException("MQTT buffer " + bufferSize + ": at least 1 message");
        }
        if (caFile != null && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("a CA file is for ssl:// brokers, not " + url);
        }
    }

    /** The settings for {@code url} with every default. */
    public static MqttSettings of(String url) {
        return new MqttSettings(url, DEFAULT_BASE, null, 1, DEFAULT_INTERVAL, "", "", null, true,
                DEFAULT_DISCOVERY_PREFIX, DEFAULT_BUFFER);
    }

    public boolean tls() {
        return scheme(url).equals("ssl");
    }

    private static String scheme(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("MQTT broker " + url + ": tcp://host:port or ssl://host:port");
            }
            return uri.getScheme().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT broker " + url + ": " + e.getReason(), e);
        }
    }

    private static String checkTopic(String topic, String what) {
        if (topic.contains("#") || topic.contains("+") || topic.startsWith("/") || topic.endsWith("/")
                || topic.contains("//") || topic.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("MQTT " + what + " '" + topic
                    + "': levels separated by /, without #, + or empty levels");
        }
        return topic;
    }
}
