package org.bmsworkbench.ui.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.MqttStatus;
import org.bmsworkbench.mqtt.MqttConfig;
import org.bmsworkbench.mqtt.MqttService;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status line's MQTT indicator through the real EventAdmin, in English and Chinese. */
class MqttStatusControlTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PartHarness harness;

    /** A publisher that is off until the test posts another state. */
    private static final class Off implements MqttService {
        @Override
        public MqttConfig config() {
            return MqttConfig.defaults();
        }

        @Override
        public void apply(MqttConfig config) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public MqttStatus status() {
            return new MqttStatus(MqttStatus.State.OFF, "tcp://localhost:1883", "", 0, 0, 0, Instant.now());
        }
    }

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
        harness.context.set(MqttService.class, new Off());
    }

    @AfterEach
    void tearDown() {
        harness.setLocale(Locale.ENGLISH);
        harness.close();
    }

    @Test
    void showsEachStateAndTheBufferedMessagesWhileTheBrokerIsAway() throws Exception {
        MqttStatusControl control = harness.make(MqttStatusControl.class);
        assertEquals("MQTT off", control.view().text());
        harness.postFromBusThread(BmsTopics.MQTT_STATE, EventProperties.of(new MqttStatus(MqttStatus.State.DISCONNECTED,
                "tcp://broker.lan:1883", "connection refused", 120, 3, 42, Instant.now())));
        assertTrue(harness.spinUntil(() -> control.view().text().equals("MQTT offline (42 buffered)"), WAIT),
                control.view().text());
        harness.postFromBusThread(BmsTopics.MQTT_STATE, EventProperties.of(new MqttStatus(MqttStatus.State.CONNECTED,
                "tcp://broker.lan:1883", "", 170, 3, 0, Instant.now())));
        assertTrue(harness.spinUntil(() -> control.view().text().equals("MQTT connected"), WAIT), control.view().text());
        harness.setLocale(Locale.CHINESE);
        assertTrue(harness.spinUntil(() -> control.view().text().equals("MQTT \u5df2\u8fde\u63a5"), WAIT),
                control.view().text());
    }
}
