package org.bmsworkbench.core.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a write to a device (its request, refusal or outcome), or an access event such as a wrong password,
 * for the {@link AuditLog}.
 *
 * @param time     when the write was sent, refused or failed
 * @param user     who: the operating-system account running the workbench
 * @param busId    the bus, e.g. {@code bus-1}
 * @param address  the pack's address on the bus
 * @param what     what was written, e.g. {@code CFET}, {@code cellHighVoltageAlarm}, {@code clock}, {@code firmware}
 * @param oldValue the value before, as shown to the user with its unit; empty when not known
 * @param newValue the value sent, with its unit
 * @param result   what happened
 * @param detail   the device's answer or the reason; may be empty
 */
public record AuditEntry(Instant time, String user, String busId, int address, String what, String oldValue,
        String newValue, Result result, String detail) {

    /** What happened to a write, in the order a write goes through them. */
    public enum Result {
        /** Asked for and admitted to the queue: the attempt, written before anything is sent. */
        REQUESTED,
        /** Nothing was sent: the gate was locked, an interlock held, a value was out of range, the bus was not open. */
        REFUSED,
        /** The person cancelled at the confirmation; nothing was sent. */
        CANCELLED,
        /** It was sent but the device refused it or did not answer. */
        FAILED,
        /** The device accepted it and reading it back shows the new value. */
        CONFIRMED,
        /** The device accepted it, but reading it back does not show the new value. */
        NOT_CONFIRMED
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(result, "result");
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what was written must be named");
        }
        if (address < 0) {
            throw new IllegalArgumentException("negative pack address: " + address);
        }
        user = user == null ? "" : user;
        busId = busId == null ? "" : busId;
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
        detail = detail == null ? "" : detail;
    }

    /** An entry by the current operating-system user ({@code user.name}). */
    public static AuditEntry of(Instant time, String busId, int address, String what, String oldValue,
            String newValue, Result result, String detail) {
        return new AuditEntry(time, System.getProperty("user.name", ""), busId, address, what, oldValue, newValue,
                result, detail);
    }
}
