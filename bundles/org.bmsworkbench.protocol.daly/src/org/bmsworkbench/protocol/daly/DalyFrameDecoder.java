package org.bmsworkbench.protocol.daly;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.StreamBuffer;

/**
 * Cuts the reply to one pending Daly request out of a byte stream. Frames are 13 bytes from {@code A5}; our own
 * request read back, a frame of another host, a frame from another address, a frame for another command and a
 * bad checksum are reported and dropped. Cell voltages (0x95) and temperatures (0x96) arrive as several frames for
 * one request: the decoder collects as many as the request expects and hands them on together, in arrival order.
 */
final class DalyFrameDecoder implements FrameDecoder {

    /** Room for the longest reply (16 frames) twice over. */
    static final int CAPACITY = 2 * DalyFrames.MAX_FRAMES * DalyFrames.LENGTH;

    private final DalyRequest pending;
    private final byte[] request;
    private final int frames;
    private final StreamBuffer stream = new StreamBuffer(CAPACITY);
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private byte[] buffer = stream.array();
    private int length;

    DalyFrameDecoder(DalyRequest pending) {
        this.pending = pending;
        this.request = pending.frame();
        this.frames = pending.frames();
    }

    @Override
    public void feed(byte[] data, int offset, int count) {
        stream.append(data, offset, count);
        buffer = stream.array();
        length = stream.size();
    }

    @Override
    public int buffered() {
        return length + collected.size();
    }

    @Override
    public DecodeResult next() {
        long dropped = stream.takeDropped();
        if (dropped > 0) {
            return failure(Kind.GARBAGE, dropped + " bytes dropped: more arrived than any reply holds");
        }
        while (true) {
            DecodeResult step = step();
            if (step != null) {
                return step;
            }
        }
    }

    /** One decision, or null after a frame of a multi-frame reply was taken and the scan goes on. */
    private DecodeResult step() {
        int waitAt = -1;
        for (int pos = 0; pos < length; pos++) {
            Outcome outcome = classify(pos);
            if (outcome == null) {
                continue;
            }
            if (outcome.result == null) {
                if (waitAt < 0) {
                    waitAt = pos;
                }
                continue;
            }
            boolean decisive = outcome.result instanceof DecodeResult.Frame
                    || outcome.result instanceof DecodeResult.Failure f && f.error().kind() == Kind.ECHO;
            if (waitAt >= 0 && !decisive) {
                continue;
            }
            if (pos > 0) {
                consume(pos);
                return failure(Kind.GARBAGE, pos + " bytes that are not the start of a frame");
            }
            consume(outcome.consumed);
            if (outcome.result instanceof DecodeResult.Frame f) {
                collected.writeBytes(f.bytes());
                if (collected.size() < frames * DalyFrames.LENGTH) {
                    return null;
                }
                byte[] whole = collected.toByteArray();
                collected.reset();
                return new DecodeResult.Frame(whole);
            }
            return outcome.result;
        }
        if (waitAt > 0) {
            consume(waitAt);
            return failure(Kind.GARBAGE, waitAt + " bytes that are not the start of a frame");
        }
        if (waitAt < 0 && length > 0) {
            int n = length;
            consume(n);
            return failure(Kind.GARBAGE, n + " bytes that are not the start of a frame");
        }
        return DecodeResult.NEED_MORE;
    }

    private record Outcome(DecodeResult result, int consumed) {
    }

    private static final Outcome WAIT = new Outcome(null, 0);

    private Outcome classify(int pos) {
        if ((buffer[pos] & 0xFF) != DalyFrames.START) {
            return null;
        }
        int available = length - pos;
        if (available < DalyFrames.LENGTH) {
            return available < 4 || (buffer[pos + 3] & 0xFF) == DalyFrames.DATA_LENGTH ? WAIT : null;
        }
        if (Arrays.equals(buffer, pos, pos + DalyFrames.LENGTH, request, 0, DalyFrames.LENGTH)) {
            return new Outcome(failure(Kind.ECHO, "our own request read back"), DalyFrames.LENGTH);
        }
        if ((buffer[pos + 3] & 0xFF) != DalyFrames.DATA_LENGTH) {
            return null;
        }
        if (!DalyFrames.checksumMatches(buffer, pos)) {
            return new Outcome(failure(Kind.BAD_CHECKSUM, String.format(
                    "the checksum %02X of a frame does not match (%02X expected)",
                    buffer[pos + DalyFrames.LENGTH - 1] & 0xFF, DalyFrames.checksum(buffer, pos))), 1);
        }
        int address = buffer[pos + 1] & 0xFF;
        int command = buffer[pos + 2] & 0xFF;
        if (address != DalyFrames.BOARD) {
            return new Outcome(failure(Kind.WRONG_ADDRESS, String.format(
                    "a frame from address %02X, command %02X (the board answers from 01)", address, command)),
                    DalyFrames.LENGTH);
        }
        if (command != pending.dalyCommand()) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, String.format(
                    "a reply to command %02X, %02X expected", command, pending.dalyCommand())), DalyFrames.LENGTH);
        }
        return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + DalyFrames.LENGTH)),
                DalyFrames.LENGTH);
    }

    private void consume(int n) {
        stream.consume(n);
        length = stream.size();
    }

    private static DecodeResult failure(Kind kind, String message) {
        return new DecodeResult.Failure(ProtocolError.of(kind, message));
    }
}
