package org.bmsworkbench.ui.mqtt.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.bmsworkbench.mqtt.MqttConfig;

/**
 * The MQTT dialog's fields as text, checked without a display: {@link #check} gives the settings, or says in one
 * line what is wrong. The messages are the caller's (English or Chinese).
 */
public final class MqttForm {

    /** The strings {@link #check} may answer with; {0} is the value. */
    public record Texts(String interval, String caFile, String url, String topic, String invalid) {
    }

    /** The settings, or what is wrong with the fields. */
    public record Result(MqttConfig config, String problem) {
        public boolean ok() {
            return config != null;
        }
    }

    private MqttForm() {
    }

    /**
     * @param intervalSeconds seconds between two state messages of a pack, {@code .} or {@code ,} as decimal mark
     * @param caFile          empty for the JVM's own authorities
     */
    public static Result check(boolean enabled, String url, String base, String clientId, int qos,
            String intervalSeconds, String user, String password, String caFile, boolean discovery,
            String discoveryPrefix, String host, Texts texts) {
        Duration interval;
        try {
            double s = Double.parseDouble(intervalSeconds.strip().replace(',', '.'));
            if (!(s >= 0 && s <= 3600)) {
                return new Result(null, java.text.MessageFormat.format(texts.interval(), intervalSeconds));
            }
            interval = Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            return new Result(null, java.text.MessageFormat.format(texts.interval(), intervalSeconds));
        }
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (!u.matches("(tcp|ssl)://(\\[[0-9a-f:.]+\\]|[^/:\\[\\]]+)(:\\d+)?/?")) {
            return new Result(null, java.text.MessageFormat.format(texts.url(), url));
        }
        for (String topic : new String[] { base, discoveryPrefix }) {
            String t = topic.strip();
            if (t.contains("#") || t.contains("+") || t.startsWith("/") || t.endsWith("/") || t.contains("//")) {
                return new Result(null, java.text.MessageFormat.format(texts.topic(), topic));
            }
        }
        Path ca = null;
        if (!caFile.isBlank()) {
            ca = Path.of(caFile.strip());
            if (!Files.isReadable(ca)) {
                return new Result(null, java.text.MessageFormat.format(texts.caFile(), caFile));
            }
        }
        MqttConfig c = new MqttConfig(enabled, url, base, clientId, qos, interval, user, password, ca, discovery,
                discoveryPrefix);
        try {
            c.settings(host);
        } catch (IllegalArgumentException e) {
            return new Result(null, java.text.MessageFormat.format(texts.invalid(), e.getMessage()));
        }
        return new Result(c, "");
    }

    /** Seconds as the dialog shows them: {@code 1}, {@code 0.5}. */
    public static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
