package org.bmsworkbench.protocol.jbd;

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

/** 100,000 random and mutated replies through the JBD stream and reply decoders. */
class JbdFuzzTest {

    static final int CASES = 100_000;

    private final JbdProtocol jbd = new JbdProtocol();

    /** A well-formed reply with random data to one of the three reads, now and then a refusal. */
    Case generate(Random rnd) {
        try {
            List<Request> requests = new java.util.ArrayList<>(jbd.requests(Command.ANALOG, 1));
            requests.addAll(jbd.requests(Command.MANUFACTURER, 1));
            JbdRequest r = (JbdRequest) requests.get(rnd.nextInt(requests.size()));
            if (rnd.nextInt(10) == 0) {
                return new Case(r, JbdFrames.frame(r.register(), JbdFrames.STATUS_ERROR, new byte[0]));
            }
            byte[] data = switch (r.register()) {
                case JbdFrames.REG_BASIC -> {
                    int ntcs = rnd.nextInt(9);
                    byte[] d = new byte[23 + 2 * ntcs + (rnd.nextInt(4) == 0 ? rnd.nextInt(12) : 0)];
                    rnd.nextBytes(d);
                    d[22] = (byte) ntcs;
                    yield d;
                }
                case JbdFrames.REG_CELLS -> {
                    byte[] d = new byte[2 * (1 + rnd.nextInt(32))];
                    rnd.nextBytes(d);
                    yield d;
                }
                default -> {
                    byte[] d = new byte[rnd.nextInt(40)];
                    rnd.nextBytes(d);
                    yield d;
                }
            };
            return new Case(r, JbdFrames.frame(r.register(), JbdFrames.STATUS_OK, data));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void randomAndMutatedRepliesGiveAFrameMoreBytesOrATypedError() throws Exception {
        List<Case> seeds = List.of(new Case(jbd.parseRequest(Hex.parse(JbdCodecTest.BASIC_REQUEST)),
                Hex.parse(JbdCodecTest.BASIC_REPLY)));
        DecoderFuzzer.Stats stats = new DecoderFuzzer(jbd, (rnd, i) -> generate(rnd), seeds,
                2 * JbdFrames.MAX_FRAME).run(CASES, 20);
        assertEquals(CASES, stats.cases());
        assertEquals(stats.intact(), stats.intactDecoded(), stats::toString);
        assertTrue(stats.intact() > CASES / 10, stats::toString);
        for (Kind k : List.of(Kind.GARBAGE, Kind.ECHO, Kind.UNEXPECTED_REPLY, Kind.BAD_CHECKSUM, Kind.BAD_FORMAT)) {
            assertTrue(stats.errors().getOrDefault(k, 0) > 100, () -> k + " never seen: " + stats);
        }
        assertTrue(stats.deviceErrors() > 100, stats::toString);
    }
}
