package org.bmsworkbench.mqtt;

import java.io.IOException;

import org.bmsworkbench.events.MqttStatus;

/** The workbench's MQTT publisher, for Tools &gt; MQTT and the status line. */
public interface MqttService {

    MqttConfig config();

    /**
     * Checks, saves and applies new settings: the publisher restarts with them (or stops when they are off).
     *
     * @throws IllegalArgumentException a field is wrong (one line says which)
     * @throws IOException              the settings could not be saved
     */
    void apply(MqttConfig config) throws IOException;

    MqttStatus status();
}
