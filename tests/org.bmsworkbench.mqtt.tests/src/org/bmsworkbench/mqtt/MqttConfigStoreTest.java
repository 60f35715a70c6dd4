package org.bmsworkbench.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's MQTT settings survive a restart, the password stays private, a broken file means off. */
class MqttConfigStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackAndTheFileIsTheOwnersOnly() throws Exception {
        MqttConfigStore store = new MqttConfigStore(dir.resolve("meta").resolve("mqtt.properties"));
        assertFalse(store.load().enabled(), "off until switched on");
        MqttConfig c = new MqttConfig(true, "ssl://broker.lan:8883", "site3/bmsw", "wb-1", 2, Duration.ofMillis(500),
                "bmsw", "s3cret", dir.resolve("ca.pem"), false, "ha");
        store.save(c);
        assertEquals(c, store.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        Files.writeString(store.file(), "enabled=true\nqos=high\n");
        assertEquals(MqttConfig.defaults(), store.load(), "a broken value leaves MQTT off");
    }
}
