package org.bmsworkbench.events;

/** Why a frame exchange failed; each kind is counted separately in {@link LinkStatistics}. */
public enum LinkErrorKind {
    /** No (complete) answer within the request timeout. */
    TIMEOUT,
    /** The answer's checksum or CRC did not match. */
    CHECKSUM,
    /** Bytes that are not a frame of the bus's protocol. */
    GARBAGE,
    /** A valid frame from an address other than the one asked. */
    WRONG_ADDRESS,
    /** Our own request read back (half-duplex adapters without echo suppression). */
    ECHO,
    /** The device answered with an error or exception code. */
    DEVICE_ERROR,
    /** The port itself failed (unplugged adapter, closed socket). */
    IO;
}
