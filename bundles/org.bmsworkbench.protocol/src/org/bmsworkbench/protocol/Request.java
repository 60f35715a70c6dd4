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

    /**
     * Whether a pack may stay silent on this request and still count as answering: some boards answer only
     * some blocks, depending on their firmware and the port they are reached through (JBD UP series). A poll
     * goes on without an optional block that gets no answer, and a command leaves it out; the first request
     * of a command is never optional.
     */
    public boolean optional() {
        return false;
    }

    /**
     * {@code request} as a protocol's own request type, which keeps what its decoder needs; a request built by
     * another protocol is a caller's mistake.
     */
    public static <R extends Request> R own(Request request, Class<R> type) {
        if (type.isInstance(request)) {
            return type.cast(request);
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + request);
    }

    @Override
    public String toString() {
        return description + " @" + address;
    }
}
