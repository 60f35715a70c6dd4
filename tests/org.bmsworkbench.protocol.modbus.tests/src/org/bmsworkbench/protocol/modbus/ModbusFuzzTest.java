package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 100,000 random and mutated replies per register map through the stream and reply decoders. */
class ModbusFuzzTest {

    static final int CASES = 100_000;

    static ModbusProtocol protocol(String id) {
        return id.equals("seplos-v3") ? new SeplosV3Protocol() : new NativeModbusProtocol();
    }

    /** Every read the map's commands make, plus the writes it can build. */
    static List<Request> requests(ModbusProtocol p, int address) throws ProtocolException {
        List<Request> all = new ArrayList<>();
        // In enum order: the set's own order changes from run to run, and the run must repeat for its seed.
        for (Command c : java.util.EnumSet.copyOf(p.commands())) {
            if (c != Command.RAW && c != Command.SET_PARAMETERS && c != Command.SET_CLOCK && c != Command.CONTROL) {
                all.addAll(p.requests(c, address));
            }
        }
        return all;
    }

    /** A well-formed reply with random data to a random request of the map. */
    static Case generate(ModbusProtocol p, Random rnd) {
        try {
            int address = 1 + rnd.nextInt(16);
            List<Request> requests = requests(p, address);
            ModbusRequest r = (ModbusRequest) requests.get(rnd.nextInt(requests.size()));
            if (rnd.nextInt(10) == 0) {
                return new Case(r, Crc16.append(new byte[] { (byte) address, (byte) (r.function() | 0x80),
                    (byte) (1 + rnd.nextInt(11)) }));
            }
            if (r.readsBits()) {
                byte[] bits = new byte[(r.count() + 7) / 8];
                rnd.nextBytes(bits);
                return new Case(r, ModbusFrames.bitReply(address, r.function(), bits));
            }
            int[] regs = new int[r.count()];
            for (int i = 0; i < regs.length; i++) {
                regs[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : rnd.nextInt(5000);
            }
            return new Case(r, ModbusFrames.readReply(address, r.function(), regs));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "seplos-v3", "modbus-native" })
    void randomAndMutatedRepliesGiveAFrameMoreBytesOrATypedError(String id) throws Exception {
        ModbusProtocol p = protocol(id);
        List<Case> seeds = new ArrayList<>();
        if (id.equals("seplos-v3")) {
            seeds.add(new Case(p.parseRequest(Hex.parse(SeplosV3GoldenTest.G6_REQUEST)),
                    Hex.parse(SeplosV3GoldenTest.G6_RESPONSE)));
            seeds.add(new Case(p.parseRequest(Hex.parse(SeplosV3GoldenTest.G7B_REQUEST)),
                    Hex.parse(SeplosV3GoldenTest.G7B_RESPONSE)));
        }
        DecoderFuzzer.Stats stats = new DecoderFuzzer(p, (rnd, i) -> generate(p, rnd), seeds,
                2 * RtuFrameDecoder.MAX_FRAME).run(CASES, id.hashCode());
        assertEquals(CASES, stats.cases());
        assertEquals(stats.intact(), stats.intactDecoded(), stats::toString);
        assertTrue(stats.intact() > CASES / 10, stats::toString);
        for (Kind k : List.of(Kind.GARBAGE, Kind.ECHO, Kind.WRONG_ADDRESS, Kind.BAD_CHECKSUM)) {
            assertTrue(stats.errors().getOrDefault(k, 0) > 100, () -> k + " never seen: " + stats);
        }
    }
}
