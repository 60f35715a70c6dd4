package org.bmsworkbench.protocol.jbdup;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ScanningFrameDecoder;
import org.bmsworkbench.protocol.modbus.Crc16;

/**
 * Cuts the reply to one pending UP-series request out of a byte stream. There is no start marker; a frame is an
 * address, one of the three function codes and a length field, closed by a good CRC. Our own request read back,
 * a frame from another address, another block or another master's request are reported and dropped; a bad CRC
 * drops one byte only, so that a damaged length field cannot swallow the frame behind it.
 */
final class UpFrameDecoder extends ScanningFrameDecoder {

    private static final int CAPACITY = 2 * UpFrames.MAX_FRAME;

    private final UpRequest pending;
    private final byte[] request;

    UpFrameDecoder(UpRequest pending) {
        super(CAPACITY);
        this.pending = pending;
        this.request = pending.frame();
    }

    @Override
    protected Outcome classify(int pos) {
        int available = length - pos;
        int prefix = Math.min(available, request.length);
        if (Arrays.equals(buffer, pos, pos + prefix, request, 0, prefix)) {
            // a reply repeats the request's first six bytes, so only the whole request is its echo
            if (available >= request.length) {
                return new Outcome(failure(Kind.ECHO, "our own request read back"), request.length);
            }
            return WAIT;
        }
        if (available < 2) {
            return (buffer[pos] & 0xFF) == pending.address() ? WAIT : null;
        }
        if (!UpFrames.isFunction(buffer[pos + 1] & 0xFF)) {
            return null;
        }
        if (available < UpFrames.HEADER) {
            return WAIT;
        }
        int need = UpFrames.frameLength(buffer, pos);
        if (need < 0) {
            return null;
        }
        if (available < need) {
            return WAIT;
        }
        int address = buffer[pos] & 0xFF;
        int function = buffer[pos + 1] & 0xFF;
        int start = UpFrames.u16(buffer, pos + 2);
        int end = UpFrames.u16(buffer, pos + 4);
        if (!Crc16.matches(buffer, pos, pos + need)) {
            return new Outcome(failure(Kind.BAD_CHECKSUM, String.format(
                    "the CRC of a %d-byte frame from address %d does not match", need, address)), 1);
        }
        if (address != pending.address()) {
            return new Outcome(failure(Kind.WRONG_ADDRESS, String.format(
                    "a frame for address %d, function %02X %04X..%04X", address, function, start, end)), need);
        }
        if (function != pending.function() || start != pending.start() || end != pending.end()) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, String.format(
                    "a frame for function %02X %04X..%04X, %02X %04X..%04X expected", function, start, end,
                    pending.function(), pending.start(), pending.end())), need);
        }
        if (function == UpFrames.READ && need == UpFrames.OVERHEAD) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, "a read request of another master, not a reply"),
                    need);
        }
        return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + need)), need);
    }
}
