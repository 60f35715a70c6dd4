package org.bmsworkbench.protocol;

import org.bmsworkbench.protocol.ProtocolError.Kind;

/**
 * The scan every binary stream decoder shares: at each buffered position the protocol's {@link #classify} says
 * whether a frame, a failure, a frame still arriving, or nothing starts there. Bytes before the first decision are
 * reported as garbage; a frame still arriving that is followed by a whole intact frame (or our own echo) was noise.
 * The buffer is bounded ({@link StreamBuffer}); bytes it had to drop are reported first.
 */
public abstract class ScanningFrameDecoder implements FrameDecoder {

    /**
     * A decision at one position: a result and the bytes it takes, {@link #WAIT} for a frame still arriving, or
     * {@code null} (from {@link #classify}) where no frame starts.
     */
    public record Outcome(DecodeResult result, int consumed) {
    }

    protected static final Outcome WAIT = new Outcome(null, 0);

    private final StreamBuffer stream;
    /** The stream's bytes and count, refreshed on every change: the scan reads them many times. */
    protected byte[] buffer;
    protected int length;

    protected ScanningFrameDecoder(int capacity) {
        stream = new StreamBuffer(capacity);
        buffer = stream.array();
    }

    /** What starts at {@code pos} of {@link #buffer}, which holds {@link #length} bytes. */
    protected abstract Outcome classify(int pos);

    /**
     * A whole frame was taken from the stream: what to return for it, or {@code null} to scan on (a reply of
     * several frames collects them). By default the frame itself.
     */
    protected DecodeResult taken(DecodeResult.Frame frame) {
        return frame;
    }

    @Override
    public void feed(byte[] data, int offset, int count) {
        stream.append(data, offset, count);
        buffer = stream.array();
        length = stream.size();
    }

    @Override
    public int buffered() {
        return length;
    }

    @Override
    public DecodeResult next() {
        long dropped = stream.takeDropped();
        if (dropped > 0) {
            return failure(Kind.GARBAGE, dropped + " bytes dropped: more arrived than any reply holds");
        }
        while (true) {
            DecodeResult result = scan();
            if (result != null) {
                return result;
            }
        }
    }

    private DecodeResult scan() {
        int waitAt = -1;
        for (int pos = 0; pos < length; pos++) {
            Outcome outcome = classify(pos);
            if (outcome == null) {
                continue;
            }
            if (outcome.result() == null) {
                if (waitAt < 0) {
                    waitAt = pos;
                }
                continue;
            }
            // a frame in progress that turns out to be followed by a whole intact frame was noise
            boolean decisive = outcome.result() instanceof DecodeResult.Frame
                    || outcome.result() instanceof DecodeResult.Failure f && f.error().kind() == Kind.ECHO;
            if (waitAt >= 0 && !decisive) {
                continue;
            }
            if (pos > 0) {
                consume(pos);
                return failure(Kind.GARBAGE, pos + " bytes that are not the start of a frame");
            }
            consume(outcome.consumed());
            return outcome.result() instanceof DecodeResult.Frame f ? taken(f) : outcome.result();
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

    protected final void consume(int n) {
        stream.consume(n);
        length = stream.size();
    }

    protected static DecodeResult failure(Kind kind, String message) {
        return new DecodeResult.Failure(ProtocolError.of(kind, message));
    }
}
