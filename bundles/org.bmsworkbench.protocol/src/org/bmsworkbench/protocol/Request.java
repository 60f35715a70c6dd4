package org.bmsworkbench.protocol;

import java.util.Arrays;

/**
 * One frame the host sends, with what it asks for. Protocols subclass it to keep the details they need to
 * decode the reply (register range, pack selection).
 */
public class Request {

    private final Command command;
    private final int address;
    private final byte[] frame;
    private final String description;

    public Request(Command command, int address, byte[] frame, String description) {
        this.command = command;
        this.address = address;
        this.frame = frame.clone();
        this.description = description;
    }

    public Command command() {
        return command;
    }

    /** The bus address the request is sent to. */
    public int address() {
        return address;
    }

    /** The bytes to put on the line. */
    public byte[] frame() {
        return frame.clone();
    }

    /** A short human description, e.g. "read input registers 0x1000..0x1010". */
    public String description() {
        return description;
    }

    /** Whether the device sends no reply to this request (broadcasts). */
    public boolean expectsReply() {
        return true;
    }

    /** Whether {@code bytes} starts with this request's frame (an echo). */
    public boolean isEchoAt(byte[] bytes, int offset, int available) {
        if (available < frame.length) {
            return false;
        }
        return Arrays.equals(bytes, offset, offset + frame.length, frame, 0, frame.length);
    }

    @Override
    public String toString() {
        return description + " @" + address;
    }
}
