package org.bmsworkbench.records;

import java.util.List;
import java.util.Optional;

/**
 * Where the records read from boards are kept, by board identity (bar code, serial number) and kind, so that
 * <b>Read new</b> fetches only what is newer. The workbench keeps them in the session recording
 * ({@link SessionRecordStore}); {@link MemoryRecordStore} when no session is being recorded.
 */
public interface RecordStore {

    /**
     * Keeps {@code records} of {@code board}; a record already kept (same fingerprint) is not kept twice.
     *
     * @return how many were new
     */
    int add(String board, String busId, int address, List<DeviceRecord> records) throws RecordStoreException;

    /** The newest record kept of the board's store of {@code kind}, the last one read in board order. */
    Optional<DeviceRecord> newest(String board, RecordKind kind) throws RecordStoreException;

    /** Every record kept of the board's store of {@code kind}, in the order they were read. */
    List<DeviceRecord> records(String board, RecordKind kind) throws RecordStoreException;

    /** A store that failed: the message says what and where. */
    final class RecordStoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public RecordStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
