package org.bmsworkbench.protocol;

/** The one exception the codecs throw: it carries a typed {@link ProtocolError}. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ProtocolError error;

    public ProtocolException(ProtocolError error) {
        super(error.message());
        this.error = error;
    }

    public ProtocolException(ProtocolError.Kind kind, String message) {
        this(ProtocolError.of(kind, message));
    }

    public ProtocolError error() {
        return error;
    }
}
