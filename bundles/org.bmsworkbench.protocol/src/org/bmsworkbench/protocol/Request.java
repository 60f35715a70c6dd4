package org.bmsworkbench.protocol;

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

    /** Whether the device answers this request; it does not answer broadcast writes. */
    public boolean expectsReply() {
        return true;
    }

    @Override
    public String toString() {
        return description + " @" + address;
    }
}
