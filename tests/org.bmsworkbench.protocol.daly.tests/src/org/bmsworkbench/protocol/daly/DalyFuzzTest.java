package org.bmsworkbench.protocol.daly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer.Case;
import org.junit.jupiter.api.Test;

/** 100,000 random and mutated replies, multi-frame ones included, through the Daly stream and reply decoders. */
class DalyFuzzTest {

    static final int CASES = 100_000;

    private final DalyProtocol daly = new DalyProtocol();

    private static byte[] frame(int command, Random rnd) {
        byte[] d = new byte[8];
        rnd.nextBytes(d);
        return DalyFrames.frame(DalyFrames.BOARD, command, d);
    }

    /**
     * A well-formed reply to a random request. Even case numbers may be multi-frame replies; the fuzzer puts the
     * reply of case i + 1 before case i's, so odd ones stay single frames: two multi-frame replies to the same
     * command back to back would rightly mix.
     */
    Case generate(Random rnd, int caseNumber) {
        List<Integer> commands = new ArrayList<>(List.of(0x90, 0x91, 0x92, 0x93, 0x94, 0x97, 0x98));
        if (caseNumber % 2 == 0) {
            commands.addAll(List.of(0x95, 0x96));
        }
        int command = commands.get(rnd.nextInt(commands.size()));
        boolean cells = command == DalyFrames.CELL_VOLTAGES;
        int values = cells ? 1 + rnd.nextInt(48) : command == DalyFrames.TEMPERATURES ? 1 + rnd.nextInt(33) : 0;
        DalyCounts counts = new DalyCounts();
        counts.set(values, values);
        DalyRequest request = new DalyRequest(command < 0x95 || command > 0x96 ? Command.ALARM_STATUS : Command.ANALOG,
                1, DalyFrames.frame(DalyFrames.HOST, command, new byte[8]), command, counts, "fuzz");
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int f = 0; f < request.frames(); f++) {
            byte[] frame = frame(command, rnd);
            if (values > 0) {
                frame[4] = (byte) (f + 1);
                frame[12] = (byte) DalyFrames.checksum(frame, 0);
            }
            reply.writeBytes(frame);
        }
        return new Case(request, reply.toByteArray());
    }

    @Test
    void randomAndMutatedRepliesGiveAFrameMoreBytesOrATypedError() throws Exception {
        List<Case> seeds = List.of(new Case(daly.parseRequest(Hex.parse(DalyCodecTest.SOC_REQUEST)),
                Hex.parse(DalyCodecTest.SOC_REPLY)));
        DecoderFuzzer.Stats stats = new DecoderFuzzer(daly, this::generate, seeds,
                DalyFrameDecoder.CAPACITY + DalyFrames.MAX_FRAMES * DalyFrames.LENGTH).run(CASES, 20);
        assertEquals(CASES, stats.cases());
        assertEquals(stats.intact(), stats.intactDecoded(), stats::toString);
        assertTrue(stats.intact() > CASES / 10, stats::toString);
        for (Kind k : List.of(Kind.GARBAGE, Kind.ECHO, Kind.UNEXPECTED_REPLY, Kind.BAD_CHECKSUM)) {
            assertTrue(stats.errors().getOrDefault(k, 0) > 100, () -> k + " never seen: " + stats);
        }
        assertTrue(stats.decoded() > CASES / 10, stats::toString);
    }
}
