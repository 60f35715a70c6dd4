package org.bmsworkbench.parameters;

/** A parameter file that cannot be read: not JSON, not this format, or a field missing. The message says where. */
public class ParameterFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParameterFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ParameterFileException(String message) {
        super(message);
    }
}
