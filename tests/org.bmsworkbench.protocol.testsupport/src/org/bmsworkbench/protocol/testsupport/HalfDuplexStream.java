package org.bmsworkbench.protocol.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.Request;

/**
 * What a half-duplex RS485 adapter typically delivers before a reply: line noise, the request read back, a
 * frame of another pack; then the reply in two reads. The decoder must name each and return the reply whole.
 */
public final class HalfDuplexStream {

    private HalfDuplexStream() {
    }

    /** @throws AssertionError saying which step went otherwise */
    public static void check(BmsProtocol protocol, Request request, byte[] noise, byte[] otherPacksFrame,
            byte[] reply, int splitAt) {
        FrameDecoder d = protocol.decoder(request);
        d.feed(noise);
        d.feed(request.frame());
        d.feed(otherPacksFrame);
        d.feed(reply, 0, splitAt);
        List<Kind> seen = new ArrayList<>();
        DecodeResult result;
        while ((result = d.next()) instanceof DecodeResult.Failure f) {
            seen.add(f.error().kind());
        }
        expect(List.of(Kind.GARBAGE, Kind.ECHO, Kind.WRONG_ADDRESS).equals(seen), "failures " + seen);
        expect(result instanceof DecodeResult.NeedMore, "before the rest of the reply: " + result);
        d.feed(reply, splitAt, reply.length - splitAt);
        result = d.next();
        expect(result instanceof DecodeResult.Frame f && Arrays.equals(f.bytes(), reply),
                "after the rest of the reply: " + result + " instead of " + HexFormat.of().formatHex(reply));
        expect(d.buffered() == 0 && d.next() instanceof DecodeResult.NeedMore, "bytes left over");
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("half-duplex stream: " + what);
        }
    }
}
