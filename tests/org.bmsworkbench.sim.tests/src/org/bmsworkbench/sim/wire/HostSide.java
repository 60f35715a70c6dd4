package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/** A minimal master for tests: one request, then the reply cut out by the protocol's own decoder. */
final class HostSide {

    /** What came back: the decoded reply (or null on timeout) and the errors the decoder dropped on the way. */
    record Outcome(Reply reply, List<ProtocolError> errors, long nanos) {
        boolean timedOut() {
            return reply == null;
        }

        boolean saw(ProtocolError.Kind kind) {
            return errors.stream().anyMatch(e -> e.kind() == kind);
        }
    }

    private final BmsProtocol protocol;
    private final Link link;

    HostSide(BmsProtocol protocol, Link link) {
        this.protocol = protocol;
        this.link = link;
    }

    Outcome transact(Request request, long timeoutMillis) throws IOException, ProtocolException {
        drain();
        FrameDecoder decoder = protocol.decoder(request);
        List<ProtocolError> errors = new ArrayList<>();
        long start = System.nanoTime();
        link.out().write(request.frame());
        link.out().flush();
        long deadline = start + timeoutMillis * 1_000_000L;
        InputStream in = link.in();
        byte[] b = new byte[512];
        while (System.nanoTime() < deadline) {
            int available = in.available();
            if (available == 0) {
                sleep();
                continue;
            }
            int n = in.read(b, 0, Math.min(b.length, available));
            decoder.feed(b, 0, n);
            while (true) {
                DecodeResult r = decoder.next();
                if (r instanceof DecodeResult.Frame f) {
                    return new Outcome(protocol.decode(request, f.bytes()), errors, System.nanoTime() - start);
                }
                if (r instanceof DecodeResult.Failure failure) {
                    errors.add(failure.error());
                    continue;
                }
                break;
            }
        }
        return new Outcome(null, errors, System.nanoTime() - start);
    }

    /** Throws away whatever a previous transaction left on the line. */
    void drain() throws IOException {
        InputStream in = link.in();
        while (in.available() > 0) {
            in.read(new byte[in.available()]);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
