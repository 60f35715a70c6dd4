package org.bmsworkbench.protocol.device;

import java.util.Optional;

/**
 * The device side of one protocol on one bus: cuts the host's requests out of the line and answers them
 * for the boards on the bus. One instance belongs to one bus (it may keep per-board protocol state such
 * as a selected record window) and is used by one thread at a time.
 */
public interface DeviceCodec {

    /**
     * How many bytes at the start of {@code buffer[0, length)} form the next request: a positive length
     * when a whole request is there, 0 when more bytes are needed, or {@code -n} to drop {@code n} bytes
     * that cannot start a request (line noise).
     */
    int scan(byte[] buffer, int length);

    /**
     * Answers one whole request. Empty when a real board would stay silent: a frame for an address no board
     * on the bus has, a broadcast, or a bad checksum in protocols whose boards ignore those (Modbus RTU;
     * YD/T1363 boards answer one with a return code).
     */
    Optional<byte[]> answer(byte[] request, DeviceBus bus);

    /**
     * The address a request is for, or -1 when it cannot be read (a device uses it to decide whether the
     * frame wakes a sleeping board).
     */
    int addressOf(byte[] request);

    /**
     * The same reply as if sent by the board at {@code address}, with its checksum made good: what a host
     * sees when two boards share an address or a board answers for another (fault injection). Empty when
     * the protocol cannot express it.
     */
    default Optional<byte[]> readdressed(byte[] reply, int address) {
        return Optional.empty();
    }
}
