package org.bmsworkbench.core.security;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The append-only record of every write sent to a device: control, parameters, clock, system configuration and
 * firmware. Record each write once its outcome is known, refused ones included.
 */
public interface AuditLog {

    /**
     * Appends one entry and flushes it to disk.
     *
     * @throws IOException when it could not be written; tell the user, since the write is then not on record
     */
    void record(AuditEntry entry) throws IOException;

    /** The file the entries go to, for messages. */
    Path file();
}
