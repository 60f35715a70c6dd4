package org.bmsworkbench.protocol.ydt1363;

import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.StreamBuffer;

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
    private final StreamBuffer stream = new StreamBuffer(CAPACITY);

    YdtFrameDecoder(Request pending, int expectedAddress, int expectedCid1) {
        this.pending = pending;
        this.expectedAddress = expectedAddress;
        this.expectedCid1 = expectedCid1;
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        stream.append(data, offset, length);
    }

    @Override
    public int buffered() {
        return stream.size();
    }

    @Override
    public DecodeResult next() {
        long dropped = stream.takeDropped();
        if (dropped > 0) {
            return failure(Kind.GARBAGE, dropped + " bytes dropped: more than one frame arrived without a reply");
        }
        byte[] buffer = stream.array();
        int end = stream.size();
        int soi = indexOf(YdtFrame.SOI, 0);
        if (soi < 0) {
            return skip(end, "bytes before the start of a frame");
        }
        if (soi > 0) {
            return skip(soi, "bytes before the start of a frame");
        }
        for (int i = 1; i < end; i++) {
            byte b = buffer[i];
            if (b == YdtFrame.EOI) {
                return frame(i + 1);
            }
            if (b == YdtFrame.SOI) {
                return skip(i, "bytes of a frame cut short by a new start");
            }
            if (i + 1 >= YdtFrame.MAX_FRAME) {
                return skip(i + 1, "characters without a carriage return, longer than any frame");
            }
        }
        return DecodeResult.NEED_MORE;
    }

    private DecodeResult frame(int frameEnd) {
        byte[] raw = Arrays.copyOfRange(stream.array(), 0, frameEnd);
        stream.consume(frameEnd);
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
        if (to == 0) {
            return DecodeResult.NEED_MORE;
        }
        stream.consume(to);
        return failure(Kind.GARBAGE, to + " " + what);
    }

    private int indexOf(byte b, int from) {
        byte[] buffer = stream.array();
        for (int i = from; i < stream.size(); i++) {
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
