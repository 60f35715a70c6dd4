package org.bmsworkbench.protocol.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * Feeds a protocol's stream decoder and reply decoder with random and mutated replies, as a half-duplex
 * adapter would deliver them (garbage, echoes, other addresses, split reads), and fails on anything but a
 * frame, a need for more bytes or a typed error. Deterministic for a seed.
 */
public final class DecoderFuzzer {

    /** A request and a well-formed reply to it. */
    public record Case(Request request, byte[] reply) {
    }

    /** What a run saw. */
    public record Stats(int cases, int intact, int intactDecoded, int framesFound, int decoded, int deviceErrors,
            Map<Kind, Integer> errors, int maxBuffered, String firstLost) {
    }

    private final BmsProtocol protocol;
    private final BiFunction<Random, Integer, Case> generator;
    private final List<Case> seeds;
    private final int bufferBound;

    /**
     * @param generator  makes a well-formed case for a random source and a case number
     * @param seeds      real captures, mutated as often as generated cases
     * @param bufferBound the most bytes a decoder may hold
     */
    public DecoderFuzzer(BmsProtocol protocol, BiFunction<Random, Integer, Case> generator, List<Case> seeds,
            int bufferBound) {
        this.protocol = protocol;
        this.generator = generator;
        this.seeds = seeds;
        this.bufferBound = bufferBound;
    }

    public Stats run(int cases, long seed) {
        Random rnd = new Random(seed);
        Map<Kind, Integer> errors = new EnumMap<>(Kind.class);
        int intact = 0;
        int intactDecoded = 0;
        int found = 0;
        int decoded = 0;
        int refused = 0;
        int maxBuffered = 0;
        String firstLost = null;
        for (int i = 0; i < cases; i++) {
            Case c = !seeds.isEmpty() && rnd.nextInt(4) == 0 ? seeds.get(rnd.nextInt(seeds.size()))
                    : generator.apply(rnd, i);
            boolean mutate = rnd.nextInt(5) != 0;
            byte[] reply = mutate ? mutate(c.reply(), rnd) : c.reply();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            if (rnd.nextInt(3) == 0) {
                stream.writeBytes(garbage(rnd, rnd.nextInt(40)));
            }
            if (rnd.nextInt(3) == 0) {
                stream.writeBytes(c.request().frame());
            }
            if (rnd.nextInt(5) == 0) {
                Case other = generator.apply(rnd, i + 1);
                stream.writeBytes(other.reply());
            }
            stream.writeBytes(reply);
            if (rnd.nextInt(4) == 0) {
                stream.writeBytes(garbage(rnd, rnd.nextInt(20)));
            }
            byte[] bytes = stream.toByteArray();
            FrameDecoder decoder = protocol.decoder(c.request());
            boolean gotIntact = false;
            int at = 0;
            try {
                while (at < bytes.length) {
                    int n = Math.min(bytes.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
                    decoder.feed(bytes, at, n);
                    at += n;
                    maxBuffered = Math.max(maxBuffered, decoder.buffered());
                    if (decoder.buffered() > bufferBound) {
                        throw new AssertionError("decoder holds " + decoder.buffered() + " bytes");
                    }
                    for (int steps = 0;; steps++) {
                        if (steps > bytes.length + 4) {
                            throw new AssertionError("decoder does not settle after " + steps + " steps");
                        }
                        DecodeResult r = decoder.next();
                        if (r instanceof DecodeResult.NeedMore) {
                            break;
                        }
                        if (r instanceof DecodeResult.Failure f) {
                            errors.merge(f.error().kind(), 1, Integer::sum);
                            continue;
                        }
                        found++;
                        byte[] frame = ((DecodeResult.Frame) r).bytes();
                        if (!mutate && java.util.Arrays.equals(frame, reply)) {
                            gotIntact = true;
                        }
                        try {
                            Reply decodedReply = protocol.decode(c.request(), frame);
                            decoded++;
                            if (decodedReply.isError()) {
                                refused++;
                            }
                        } catch (ProtocolException e) {
                            errors.merge(e.error().kind(), 1, Integer::sum);
                        }
                    }
                }
                try {
                    protocol.decode(c.request(), reply);
                } catch (ProtocolException e) {
                    errors.merge(e.error().kind(), 1, Integer::sum);
                }
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("case " + i + " of seed " + seed + ", request "
                        + HexFormat.of().formatHex(c.request().frame()) + ", stream "
                        + HexFormat.of().formatHex(bytes) + ": " + e, e);
            }
            if (!mutate) {
                intact++;
                if (gotIntact) {
                    intactDecoded++;
                } else if (firstLost == null) {
                    firstLost = "case " + i + ": reply " + HexFormat.of().formatHex(reply) + " in stream "
                            + HexFormat.of().formatHex(bytes);
                }
            }
        }
        return new Stats(cases, intact, intactDecoded, found, decoded, refused, errors, maxBuffered, firstLost);
    }

    private static byte[] garbage(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    /** One to three random edits: flip, replace, insert, delete, truncate, duplicate a run. */
    public static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) rnd.nextInt(256);
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 3 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                case 4 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    int n = Math.min(b.length - at, 1 + rnd.nextInt(16));
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, at + n);
                    System.arraycopy(b, at, c, at + n, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }
}
