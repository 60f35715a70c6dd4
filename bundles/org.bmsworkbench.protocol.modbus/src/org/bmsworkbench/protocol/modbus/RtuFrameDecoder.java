package org.bmsworkbench.protocol.modbus;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ScanningFrameDecoder;

/**
 * Cuts the reply to one pending Modbus RTU request out of a byte stream. RTU has no start marker, so the
 * decoder tries, at each position, the reply the request expects, the request's own echo, and any
 * well-formed frame for another address; bytes that are none of these are skipped as garbage.
 */
final class RtuFrameDecoder extends ScanningFrameDecoder {

    /** The largest RTU frame (Modbus over serial line V1.02, section 2.5.1). */
    static final int MAX_FRAME = 256;
    private static final int CAPACITY = 2 * MAX_FRAME;

    private final ModbusRequest pending;
    private final byte[] request;
    private final boolean replyIsRequest;

    RtuFrameDecoder(ModbusRequest pending) {
        super(CAPACITY);
        this.pending = pending;
        this.request = pending.frame();
        this.replyIsRequest = pending.function() == 5 || pending.function() == 6;
    }

    @Override
    protected Outcome classify(int pos) {
        int available = length - pos;
        int address = buffer[pos] & 0xFF;
        int function = available > 1 ? buffer[pos + 1] & 0xFF : -1;
        boolean ours = address == pending.address();
        boolean replyHeader = ours && (function == pending.function() || function == (pending.function() | 0x80));

        // FC 05 and 06 answer with a copy of the request: from an adapter that hears itself the first copy may
        // be the echo, but it says the same, and the second copy is dropped as stale before the next request.
        if (replyIsRequest && available >= request.length && isRequestPrefix(pos, available)
                && Crc16.matches(buffer, pos, pos + request.length)) {
            return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + request.length)),
                    request.length);
        }
        // A whole echo comes first: its start byte could pass for a byte count.
        if (available >= request.length && isRequestPrefix(pos, available)) {
            return new Outcome(failure(Kind.ECHO, "our own request read back"), request.length);
        }
        if (replyHeader) {
            int need = replyLength(pos, available, function);
            if (need > 0 && available >= need) {
                if (Crc16.matches(buffer, pos, pos + need)) {
                    return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + need)), need);
                }
                if (!isRequestPrefix(pos, available)) {
                    // Only the header is dropped: a corrupt length byte must not swallow the frame behind it.
                    return new Outcome(failure(Kind.BAD_CHECKSUM, String.format(
                            "CRC of a %d-byte reply from address %d does not match", need, address)), 1);
                }
            }
        }
        if (isRequestPrefix(pos, available)) {
            return available >= request.length
                    ? new Outcome(failure(Kind.ECHO, "our own request read back"), request.length)
                    : WAIT;
        }
        if (replyHeader && replyLength(pos, available, function) != 0 || ours && available == 1) {
            return WAIT;
        }
        int other = otherFrameLength(pos, available);
        if (other > 0) {
            Kind kind = ours ? Kind.UNEXPECTED_REPLY : Kind.WRONG_ADDRESS;
            return new Outcome(failure(kind, String.format("a frame for address %d, function %02X", address,
                    function)), other);
        }
        return null;
    }

    /**
     * Bytes of the reply starting at {@code pos}, -1 while its length is not yet known, or 0 when its byte
     * count is not the one the request asks for (then it is no reply to us).
     */
    private int replyLength(int pos, int available, int function) {
        if ((function & 0x80) != 0) {
            return 5;
        }
        if (pending.isRead()) {
            if (available < 3) {
                return -1;
            }
            int byteCount = buffer[pos + 2] & 0xFF;
            return byteCount == pending.expectedByteCount() ? 5 + byteCount : 0;
        }
        return 8;
    }

    private boolean isRequestPrefix(int pos, int available) {
        int n = Math.min(available, request.length);
        return Arrays.equals(buffer, pos, pos + n, request, 0, n);
    }

    /**
     * Length of a well-formed frame of any shape at {@code pos}, or -1. Its function code must fit its shape,
     * and it must not run into an intact reply to us, so that noise with a lucky CRC cannot eat the reply.
     */
    private int otherFrameLength(int pos, int available) {
        if (available < 5) {
            return -1;
        }
        int function = buffer[pos + 1] & 0xFF;
        int length;
        if ((function & 0x80) != 0) {
            int plain = function & 0x7F;
            int code = buffer[pos + 2] & 0xFF;
            if (!(plain >= 1 && plain <= 6 || plain == 15 || plain == 16) || code < 1 || code > 11) {
                return -1;
            }
            length = 5;
        } else if (function >= 1 && function <= 4 && Crc16.matches(buffer, pos, pos + Math.min(available,
                5 + (buffer[pos + 2] & 0xFF)))) {
            length = 5 + (buffer[pos + 2] & 0xFF);
        } else if (function >= 1 && function <= 6 || function == 15 || function == 16) {
            length = 8;
            if ((function == 15 || function == 16) && available >= 7
                    && !Crc16.matches(buffer, pos, pos + Math.min(available, 8))) {
                length = 9 + (buffer[pos + 6] & 0xFF);
            }
        } else {
            return -1;
        }
        if (length > available || length > MAX_FRAME || !Crc16.matches(buffer, pos, pos + length)) {
            return -1;
        }
        for (int q = pos + 1; q < pos + length; q++) {
            if (intactReplyAt(q) || replyMayStartAt(q)) {
                return -1;
            }
        }
        return length;
    }

    /** Whether our reply may begin at {@code pos} but has not fully arrived. */
    private boolean replyMayStartAt(int pos) {
        int available = length - pos;
        if ((buffer[pos] & 0xFF) != pending.address()) {
            return false;
        }
        if (available < 2) {
            return true;
        }
        int function = buffer[pos + 1] & 0xFF;
        if (function != pending.function() && function != (pending.function() | 0x80)) {
            return false;
        }
        int need = replyLength(pos, available, function);
        return need < 0 || need > available;
    }

    private boolean intactReplyAt(int pos) {
        int available = length - pos;
        if (available < 5 || (buffer[pos] & 0xFF) != pending.address()) {
            return false;
        }
        int function = buffer[pos + 1] & 0xFF;
        if (function != pending.function() && function != (pending.function() | 0x80)) {
            return false;
        }
        int need = replyLength(pos, available, function);
        return need > 0 && need <= available && Crc16.matches(buffer, pos, pos + need);
    }
}
