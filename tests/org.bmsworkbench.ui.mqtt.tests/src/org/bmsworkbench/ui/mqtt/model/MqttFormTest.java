package org.bmsworkbench.ui.mqtt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT dialog's fields: what is accepted, and the one line that says what is not. */
class MqttFormTest {

    private static final MqttForm.Texts TEXTS = new MqttForm.Texts("interval {0}", "ca {0}", "url {0}", "topic {0}", "wrong: {0}");

    @TempDir
    Path dir;

    private static MqttForm.Result check(String url, String base, String interval, String ca) {
        return MqttForm.check(true, url, base, "", 1, interval, "u", "p", ca, true, "homeassistant", "rack-pc", TEXTS);
    }

    @Test
    void acceptsABrokerWithDecimalCommaSeconds() {
        MqttForm.Result r = check("tcp://broker.lan:1883", "site3/bmsw", "0,5", "");
        assertTrue(r.ok(), r.problem());
        assertEquals(Duration.ofMillis(500), r.config().interval());
        assertEquals("bmsw-workbench-rack-pc", r.config().settings("rack-pc").clientId());
        assertEquals("0.5", MqttForm.seconds(r.config().interval()));
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        assertEquals("interval soon", check("tcp://b:1883", "bmsw", "soon", "").problem());
        assertEquals("interval 9999", check("tcp://b:1883", "bmsw", "9999", "").problem());
        MqttForm.Result scheme = check("http://b:1883", "bmsw", "1", "");
        assertFalse(scheme.ok());
        assertEquals("url http://b:1883", scheme.problem());
        assertEquals("topic bmsw/#", check("tcp://b:1883", "bmsw/#", "1", "").problem());
        assertTrue(check("tcp://b:99999999999", "bmsw", "1", "").problem().startsWith("wrong: "),
                "what only the library knows is said in its words");
        assertEquals("ca " + dir.resolve("none.pem"), check("ssl://b:8883", "bmsw", "1",
                dir.resolve("none.pem").toString()).problem());
        Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertTrue(check("tcp://b:1883", "bmsw", "1", pem.toString()).problem().contains("ssl://"),
                "a CA file is for TLS brokers");
        assertTrue(check("ssl://b:8883", "bmsw", "1", pem.toString()).ok());
    }
}
