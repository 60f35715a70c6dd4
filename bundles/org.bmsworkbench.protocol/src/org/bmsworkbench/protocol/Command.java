package org.bmsworkbench.protocol;

/** What the host asks a pack for, independent of how a protocol spells it. */
public enum Command {
    /** Live values: pack voltage, current, capacities, cells, temperatures. */
    ANALOG("analog"),
    /** Alarm, protection, status and balance bits. */
    ALARM_STATUS("alarmStatus"),
    /** The parameter page. */
    GET_PARAMETERS("getParameters"),
    SET_PARAMETERS("setParameters"),
    /** A control action: FET switching, charge current limit, hibernation, record deletion. */
    CONTROL("control"),
    PROTOCOL_VERSION("protocolVersion"),
    MANUFACTURER("manufacturer"),
    SERIAL_NUMBER("serialNumber"),
    /** Stored history or alarm records. */
    HISTORY("history"),
    ALARM_RECORDS("alarmRecords"),
    GET_CLOCK("getClock"),
    SET_CLOCK("setClock"),
    /** Calibration of voltage, current zero or a temperature sensor. */
    CALIBRATE("calibrate"),
    /** One step of a firmware image transfer. */
    FIRMWARE("firmware"),
    /** A raw read or write that no named command covers (register access). */
    RAW("raw");

    private final String key;

    Command(String key) {
        this.key = key;
    }

    /** Whether this command changes the pack rather than reading it. A RAW access may write, so it counts. */
    public boolean changesDevice() {
        return switch (this) {
            case SET_PARAMETERS, CONTROL, SET_CLOCK, CALIBRATE, FIRMWARE, RAW -> true;
            default -> false;
        };
    }

    /** The name used in JSON output. */
    public String key() {
        return key;
    }
}
