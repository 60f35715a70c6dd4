package org.bmsworkbench.protocol.jbdup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer.Case;
import org.junit.jupiter.api.Test;

/** 100,000 random and mutated replies through the UP-series stream and reply decoders. */
class JbdUpFuzzTest {

    static final int CASES = 100_000;

    private final JbdUpProtocol up = new JbdUpProtocol();

    /** A well-formed reply with random content to one of the four block reads of pack 1, 2 or 3. */
    Case generate(Random rnd) {
        try {
            int address = 1 + rnd.nextInt(3);
            List<Request> requests = new java.util.ArrayList<>(up.requests(Command.ANALOG, address));
            requests.addAll(up.requests(Command.MANUFACTURER, address));
            UpRequest r = (UpRequest) requests.get(rnd.nextInt(requests.size()));
            UpBlock block = r.block().orElseThrow();
            byte[] d = switch (block) {
                case PACK_STATUS -> {
                    int cells = rnd.nextInt(17);
                    int sensors = rnd.nextInt(5);
                    int tail = JbdUpProtocol.STATUS_FIXED + 4 + 2 * cells + 2 * sensors;
                    byte[] p = new byte[tail + JbdUpProtocol.STATUS_TAIL + (rnd.nextBoolean() ? 40 : 0)];
                    rnd.nextBytes(p);
                    UpFrames.put16(p, JbdUpProtocol.STATUS_FIXED, cells);
                    UpFrames.put16(p, JbdUpProtocol.STATUS_FIXED + 2 + 2 * cells, sensors);
                    yield p;
                }
                case TOTALS -> random(rnd, JbdUpProtocol.TOTALS_LENGTH);
                case PACK_INFO -> random(rnd, JbdUpProtocol.PACK_INFO_LENGTH);
                case PRODUCT_INFO -> random(rnd, JbdUpProtocol.PRODUCT_INFO_LENGTH);
            };
            return new Case(r, UpFrames.frame(address, UpFrames.READ, block.start, block.end, d));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    @Test
    void randomAndMutatedRepliesGiveAFrameMoreBytesOrATypedError() throws Exception {
        List<Case> seeds = List.of(new Case(up.parseRequest(Hex.parse(JbdUpCodecTest.STATUS_REQUEST)),
                JbdUpCodecTest.statusReply(1)));
        DecoderFuzzer.Stats stats = new DecoderFuzzer(up, (rnd, i) -> generate(rnd), seeds,
                2 * UpFrames.MAX_FRAME).run(CASES, 20);
        assertEquals(CASES, stats.cases());
        assertEquals(stats.intact(), stats.intactDecoded(), stats::toString);
        assertTrue(stats.intact() > CASES / 10, stats::toString);
        for (Kind k : List.of(Kind.GARBAGE, Kind.ECHO, Kind.WRONG_ADDRESS, Kind.UNEXPECTED_REPLY, Kind.BAD_CHECKSUM,
                Kind.BAD_FORMAT)) {
            assertTrue(stats.errors().getOrDefault(k, 0) > 100, () -> k + " never seen: " + stats);
        }
    }
}
