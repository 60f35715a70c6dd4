package org.bmsworkbench.events;

import java.util.Objects;

/**
 * One serial port found on this computer, as the port list of {@link BmsTopics#PORTS_CHANGED} shows it.
 *
 * @param name        what to open, e.g. {@code /dev/ttyUSB0} or {@code COM3}
 * @param description what the system calls it, e.g. "FT232R USB UART"
 * @param vendorId    USB vendor id, -1 when the port is not a USB device
 * @param productId   USB product id, -1 when the port is not a USB device
 * @param serial      the USB serial number, "" when there is none
 * @param location    where it is plugged in (bus and port path), "" when not known
 */
public record SerialPortInfo(String name, String description, int vendorId, int productId, String serial,
        String location) {

    public SerialPortInfo {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        serial = serial == null ? "" : serial;
        location = location == null ? "" : location;
    }

    public boolean isUsb() {
        return vendorId >= 0 && productId >= 0;
    }

    /** "0403:6001" for a USB device, "" otherwise. */
    public String usbId() {
        return isUsb() ? String.format("%04x:%04x", vendorId, productId) : "";
    }

    /** "/dev/ttyUSB0 — FT232R USB UART (0403:6001)". */
    public String displayName() {
        StringBuilder s = new StringBuilder(name);
        if (!description.isBlank()) {
            s.append(" \u2014 ").append(description);
        }
        if (isUsb()) {
            s.append(" (").append(usbId()).append(')');
        }
        return s.toString();
    }
}
