package org.bmsworkbench.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#PORTS_CHANGED}: the serial ports present now.
 *
 * @param ports the ports, sorted by name
 * @param time  when they were listed
 */
public record PortList(List<SerialPortInfo> ports, Instant time) {

    public PortList {
        ports = List.copyOf(ports);
        Objects.requireNonNull(time, "time");
    }
}
