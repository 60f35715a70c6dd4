package org.bmsworkbench.records;

import org.bmsworkbench.protocol.Command;

/** The two stores of a board: data records (history) and alarm records (docs/protocols/modbus-native.md, 9.7). */
public enum RecordKind {
    DATA(Command.HISTORY, "data"),
    ALARM(Command.ALARM_RECORDS, "alarm");

    private final Command command;
    private final String key;

    RecordKind(Command command, String key) {
        this.command = command;
        this.key = key;
    }

    /** The protocol command that reads the record window of this kind. */
    public Command command() {
        return command;
    }

    /** The name in the session file's {@code device_record.kind} column. */
    public String key() {
        return key;
    }

    public static RecordKind byKey(String key) {
        for (RecordKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no record kind " + key);
    }
}
