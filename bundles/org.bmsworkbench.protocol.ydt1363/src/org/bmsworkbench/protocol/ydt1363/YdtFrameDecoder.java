package org.bmsworkbench.protocol.ydt1363;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;

/**
 * Cuts YD/T1363 replies out of a byte stream. A frame runs from {@code ~} to {@code \r}; anything before a
 * {@code ~} is garbage, and a {@code ~} inside a frame starts over (the earlier start was noise).
 */
final class YdtFrameDecoder implements FrameDecoder {

    /** Room for one frame of the largest size plus a following one in progress. */
    private static final int CAPACITY = 2 * YdtFrame.MAX_FRAME;

    private final Request pending;
    private final int expectedAddress;
    private final int expectedCid1;
    private byte[] buffer = new byte[256];
    private int start;
    private int end;
    private long dropped;

    YdtFrameDecoder(Request pending, int expectedAddress, int expectedCid1) {
        this.pending = pending;
        this.expectedAddress = expectedAddress;
        this.expectedCid1 = expectedCid1;
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " of " + data.length);
        }
        int off = offset;
        int len = length;
        if (len > CAPACITY) {
            // Only the tail can still hold a frame.
            dropped += len - CAPACITY;
            off += len - CAPACITY;
            len = CAPACITY;
        }
        compact(len);
        System.arraycopy(data, off, buffer, end, len);
        end += len;
    }

    private void compact(int incoming) {
        int held = end - start;
        if (held + incoming > CAPACITY) {
            int drop = held + incoming - CAPACITY;
            dropped += drop;
            start += drop;
            held -= drop;
        }
        if (end + incoming > buffer.length) {
            int size = Math.min(CAPACITY, Math.max(buffer.length * 2, held + incoming));
            byte[] grown = size == buffer.length ? buffer : new byte[size];
            System.arraycopy(buffer, start, grown, 0, held);
            buffer = grown;
            start = 0;
            end = held;
        }
    }

    @Override
    public int buffered() {
        return end - start;
    }

    @Override
    public DecodeResult next() {
        if (dropped > 0) {
            long n = dropped;
            dropped = 0;
            return failure(Kind.GARBAGE, n + " bytes dropped: more than one frame arrived without a reply");
        }
        int soi = indexOf(YdtFrame.SOI, start);
        if (soi < 0) {
            return skip(end, "bytes before the start of a frame");
        }
        if (soi > start) {
            return skip(soi, "bytes before the start of a frame");
        }
        for (int i = start + 1; i < end; i++) {
            byte b = buffer[i];
            if (b == YdtFrame.EOI) {
                return frame(i + 1);
            }
            if (b == YdtFrame.SOI) {
                return skip(i, "bytes of a frame cut short by a new start");
            }
            if (i - start + 1 >= YdtFrame.MAX_FRAME) {
                return skip(i + 1, "characters without a carriage return, longer than any frame");
            }
        }
        return DecodeResult.NEED_MORE;
    }

    private DecodeResult frame(int frameEnd) {
        byte[] raw = Arrays.copyOfRange(buffer, start, frameEnd);
        start = frameEnd;
        if (pending != null && Arrays.equals(raw, pending.frame())) {
            return failure(Kind.ECHO, "our own request read back");
        }
        YdtFrame frame;
        try {
            frame = YdtFrame.parse(raw);
        } catch (ProtocolException e) {
            return new DecodeResult.Failure(e.error());
        }
        if (frame.address() != expectedAddress) {
            return failure(Kind.WRONG_ADDRESS, String.format("a frame for address %d, %d expected",
                    frame.address(), expectedAddress));
        }
        if (frame.cid1() != expectedCid1) {
            return failure(Kind.UNEXPECTED_REPLY, String.format("CID1 %02XH, %02XH expected", frame.cid1(),
                    expectedCid1));
        }
        return new DecodeResult.Frame(raw);
    }

    private DecodeResult skip(int to, String what) {
        int n = to - start;
        start = to;
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (n == 0) {
            return DecodeResult.NEED_MORE;
        }
        return failure(Kind.GARBAGE, n + " " + what);
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < end; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static DecodeResult failure(Kind kind, String message) {
        return new DecodeResult.Failure(ProtocolError.of(kind, message));
    }
}
