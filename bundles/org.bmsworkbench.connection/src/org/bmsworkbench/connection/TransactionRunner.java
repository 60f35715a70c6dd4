package org.bmsworkbench.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * Runs transactions on one port, one at a time: waits the protocol's inter-frame gap after the previous
 * one, drops whatever stale bytes are waiting, sends the request, and cuts the reply out of the arriving
 * bytes with the protocol's own decoder until a whole frame or the timeout; retries a timeout or a frame
 * that does not decode. Bad frames never reach the caller as data: they are counted in the outcome.
 * Not thread-safe: the bus scheduler owns one runner per port.
 */
public final class TransactionRunner {

    private static final long POLL_NANOS = 200_000;

    private static final int MAX_RECORDED = 16 * 1024;
    /** Silence, in characters, after which a reply that has started is given up. */
    private static final int CHARS_WAIT = 40;
    private static final long MIN_CHAR_WAIT_NANOS = 50_000_000L;
    /** However long bytes keep coming, an attempt ends after this many timeouts more. */
    private static final int MAX_STRETCH = 9;

    private final Port port;
    private final BusClock clock;
    private final long characterNanos;
    private long lineFreeAt;
    private FrameTap tap = FrameTap.NONE;

    /**
     * @param baud bits per second of the line, for the inter-frame gap (0: no gap, e.g. in-process)
     * @param bitsPerCharacter 10 for 8N1
     */
    public TransactionRunner(Port port, int baud, int bitsPerCharacter) {
        this(port, baud, bitsPerCharacter, BusClock.system(java.time.Clock.systemUTC()));
    }

    /** A runner whose waits and timeouts pass on {@code clock}, the bus's own. */
    TransactionRunner(Port port, int baud, int bitsPerCharacter, BusClock clock) {
        this.port = port;
        this.clock = clock;
        this.characterNanos = baud == 0 ? 0 : Math.round(bitsPerCharacter * 1e9 / baud);
    }

    /** Where every frame sent and received is reported; {@link FrameTap#NONE} by default. */
    public void setTap(FrameTap tap) {
        this.tap = tap == null ? FrameTap.NONE : tap;
    }

    /** Characters' worth of silence the protocol asks for after each frame, in nanoseconds. */
    public long gapNanos(BmsProtocol protocol) {
        return protocol.interFrameGapBits() * characterNanos / 10;
    }

    /**
     * Runs {@code request}, retrying up to {@code retries} times.
     *
     * @throws IOException when the port itself fails (unplugged adapter, lost gateway): the caller closes it
     */
    public Outcome run(BmsProtocol protocol, Request request, long timeoutMillis, int retries) throws IOException {
        List<ProtocolError> errors = new ArrayList<>();
        long sent = 0;
        long received = 0;
        int timeouts = 0;
        ProtocolError failure = null;
        long gapNanos = gapNanos(protocol);
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            waitUntil(lineFreeAt);
            received += discardStale();
            byte[] frame = request.frame();
            OutputStream out = port.out();
            long start = clock.nanoTime();
            out.write(frame);
            out.flush();
            tap.sent(request, frame, clock.instant());
            sent += frame.length;
            if (!request.expectsReply()) {
                lineFreeAt = start + frame.length * characterNanos + gapNanos;
                return new Outcome(null, null, attempt, timeouts, errors, 0, sent, received);
            }
            FrameDecoder decoder = protocol.decoder(request);
            int errorsBefore = errors.size();
            ByteArrayOutputStream heard = new ByteArrayOutputStream();
            long deadline = start + frame.length * characterNanos + timeoutMillis * 1_000_000L;
            long hardDeadline = deadline + MAX_STRETCH * timeoutMillis * 1_000_000L;
            byte[] whole = null;
            InputStream in = port.in();
            byte[] buffer = new byte[1024];
            while (whole == null && clock.nanoTime() < deadline) {
                int available = in.available();
                if (available <= 0) {
                    clock.parkNanos(POLL_NANOS);
                    continue;
                }
                int n = in.read(buffer, 0, Math.min(buffer.length, available));
                if (n < 0) {
                    throw new IOException(port.name() + " closed");
                }
                received += n;
                // a long reply at a low baud rate may outlast the timeout: the timeout is for the answer
                // to start, and a frame still arriving is given time to end
                long now = clock.nanoTime();
                deadline = Math.min(hardDeadline, Math.max(deadline, now + Math.max(MIN_CHAR_WAIT_NANOS,
                        CHARS_WAIT * characterNanos)));
                if (heard.size() < MAX_RECORDED) {
                    heard.write(buffer, 0, Math.min(n, MAX_RECORDED - heard.size()));
                }
                decoder.feed(buffer, 0, n);
                whole = next(decoder, errors);
            }
            long end = clock.nanoTime();
            lineFreeAt = end + gapNanos;
            String dropped = describe(errors.subList(errorsBefore, errors.size()));
            if (whole == null) {
                timeouts++;
                failure = null;
                // the rest of a late reply would be taken for noise by the retry: let the line fall quiet first
                if (heard.size() > 0 || in.available() > 0) {
                    received += drainUntilQuiet(Math.max(MIN_CHAR_WAIT_NANOS, CHARS_WAIT * characterNanos),
                            timeoutMillis * 1_000_000L);
                }
                tap.received(request, heard.toByteArray(), LinkErrorKind.TIMEOUT,
                        "no reply in " + timeoutMillis + " ms" + (dropped.isEmpty() ? "" : "; dropped " + dropped),
                        clock.instant());
                continue;
            }
            try {
                Reply reply = protocol.decode(request, whole);
                tap.received(request, heard.toByteArray(),
                        reply.isError() ? LinkErrorKind.DEVICE_ERROR : null,
                        reply.isError() ? "refused: " + reply.error().meaning() : dropped.isEmpty() ? "" : "dropped " + dropped,
                        clock.instant());
                return new Outcome(reply, null, attempt, timeouts, errors, end - start, sent, received);
            } catch (ProtocolException e) {
                failure = e.error();
                errors.add(failure);
                tap.received(request, heard.toByteArray(), FrameTap.kindOf(failure), failure.message(), clock.instant());
            }
        }
        return new Outcome(null, failure, retries + 1, timeouts, errors, 0, sent, received);
    }

    /** "3 garbage, 1 echo (first: ...)" */
    private static String describe(List<ProtocolError> dropped) {
        if (dropped.isEmpty()) {
            return "";
        }
        java.util.Map<ProtocolError.Kind, Integer> counts = new java.util.EnumMap<>(ProtocolError.Kind.class);
        for (ProtocolError e : dropped) {
            counts.merge(e.kind(), 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((kind, n) -> s.append(s.length() > 0 ? ", " : "").append(n).append(' ')
                .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return s.append(" (first: ").append(dropped.get(0).message()).append(')').toString();
    }

    private static byte[] next(FrameDecoder decoder, List<ProtocolError> errors) {
        while (true) {
            DecodeResult r = decoder.next();
            if (r instanceof DecodeResult.Frame f) {
                return f.bytes();
            }
            if (r instanceof DecodeResult.Failure failure) {
                errors.add(failure.error());
                continue;
            }
            return null;
        }
    }

    /** Bytes left from an earlier, late reply would be taken for this one's start: they go. */
    private long discardStale() throws IOException {
        InputStream in = port.in();
        long dropped = 0;
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(new byte[available]);
            if (n < 0) {
                throw new IOException(port.name() + " closed");
            }
            dropped += n;
        }
        return dropped;
    }

    /** Reads and drops bytes until none came for {@code quietNanos}, or {@code capNanos} passed. */
    private long drainUntilQuiet(long quietNanos, long capNanos) throws IOException {
        InputStream in = port.in();
        long start = clock.nanoTime();
        long lastByte = start;
        long dropped = 0;
        byte[] sink = new byte[1024];
        while (true) {
            long now = clock.nanoTime();
            if (now - lastByte >= quietNanos || now - start >= capNanos) {
                return dropped;
            }
            int available = in.available();
            if (available <= 0) {
                clock.parkNanos(POLL_NANOS);
                continue;
            }
            int n = in.read(sink, 0, Math.min(sink.length, available));
            if (n < 0) {
                throw new IOException(port.name() + " closed");
            }
            dropped += n;
            lastByte = clock.nanoTime();
        }
    }

    private void waitUntil(long deadline) {
        long left;
        while ((left = deadline - clock.nanoTime()) > 0) {
            clock.parkNanos(left);
        }
    }
}
