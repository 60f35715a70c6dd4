package org.bmsworkbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a board says about itself: named text fields in the order the device sent them. The well-known
 * names are the constants of this class; a protocol may add others.
 */
public record DeviceIdentity(Map<String, String> text) {

    public static final String MANUFACTURER = "manufacturer";
    public static final String MODEL = "model";
    public static final String DEVICE_NAME = "deviceName";
    public static final String SOFTWARE_VERSION = "softwareVersion";
    public static final String HARDWARE_VERSION = "hardwareVersion";
    public static final String PROTOCOL_VERSION = "protocolVersion";
    public static final String SERIAL_NUMBER = "serialNumber";
    public static final String BAR_CODE = "barCode";
    public static final String BATTERY_TYPE = "batteryType";
    public static final String REMARKS = "remarks";

    public DeviceIdentity {
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
    }

    public static DeviceIdentity of(String name, String value) {
        return new DeviceIdentity(Map.of(name, value));
    }

    /** The field, or an empty string when the device did not send it. */
    public String get(String name) {
        return text.getOrDefault(name, "");
    }

    /** This identity with the fields of {@code other} added or replaced. */
    public DeviceIdentity mergedWith(DeviceIdentity other) {
        Map<String, String> merged = new LinkedHashMap<>(text);
        merged.putAll(other.text);
        return new DeviceIdentity(merged);
    }
}
