package org.bmsworkbench.protocol.ydt1363;

import static org.bmsworkbench.protocol.ydt1363.Golden.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer;
import org.bmsworkbench.protocol.testsupport.DecoderFuzzer.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100,000 random and mutated replies per dialect through the stream decoder and the reply decoder, plus a
 * round trip of random analog values. A failure message names the case and the seed to replay it.
 */
class YdtFuzzTest {

    static final int CASES = 100_000;

    /** The user-defined item counts each dialect sends, with their byte lengths. */
    private static int[][] items(String id) {
        return switch (id) {
            case "pylontech" -> new int[][] { { 2, 4 }, { 4, 10 } };
            case "seplos-v2" -> new int[][] { { 10, 20 } };
            default -> new int[][] { { 3, 6 } };
        };
    }

    private static YdtProtocol protocol(String id) {
        return switch (id) {
            case "pylontech" -> new PylontechProtocol();
            case "seplos-v2" -> new SeplosV2Protocol();
            default -> new PaceV25Protocol();
        };
    }

    /** A well-formed reply to a random command the dialect has. */
    private static Case generate(YdtProtocol p, String id, Random rnd) {
        YdtVariant v = YdtVariant.load(id);
        int address = rnd.nextInt(16);
        List<Command> commands = List.of(Command.ANALOG, Command.ALARM_STATUS, Command.MANUFACTURER);
        Command command = commands.get(rnd.nextInt(commands.size()));
        try {
            Request request = p.requests(command, address).get(0);
            int frameAddress = ((YdtRequest) request).frameAddress();
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            switch (command) {
                case ANALOG -> {
                    info.write(rnd.nextInt(256));
                    info.write(address);
                    info.writeBytes(analogGroup(rnd, items(id)[rnd.nextInt(items(id).length)], new double[7]));
                }
                case ALARM_STATUS -> {
                    info.write(0);
                    info.write(address);
                    int cells = rnd.nextInt(17);
                    info.write(cells);
                    info.writeBytes(random(rnd, cells, 3));
                    int temps = rnd.nextInt(9);
                    info.write(temps);
                    info.writeBytes(random(rnd, temps, 3));
                    info.writeBytes(random(rnd, v.alarmTail.size(), 256));
                }
                default -> info.writeBytes(random(rnd, 32, 128));
            }
            return new Case(request, new YdtFrame(v.version, frameAddress, 0x46, 0, info.toByteArray()).encode());
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] random(Random rnd, int n, int bound) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(bound);
        }
        return b;
    }

    /**
     * One analog group with random values; {@code raw} receives cells, first temperature, current, voltage,
     * remaining, full and cycles as they went on the wire.
     */
    static byte[] analogGroup(Random rnd, int[] item, double[] raw) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        int cells = 1 + rnd.nextInt(24);
        g.write(cells);
        for (int i = 0; i < cells; i++) {
            word(g, 2500 + rnd.nextInt(1200));
        }
        raw[0] = cells;
        int temps = rnd.nextInt(9);
        g.write(temps);
        for (int i = 0; i < temps; i++) {
            int t = 2331 + rnd.nextInt(1000);
            word(g, t);
            if (i == 0) {
                raw[1] = t;
            }
        }
        int current = rnd.nextInt(65536) - 32768;
        int voltage = rnd.nextInt(65536);
        int remaining = rnd.nextInt(65536);
        word(g, current);
        word(g, voltage);
        word(g, remaining);
        raw[2] = current;
        raw[3] = voltage;
        raw[4] = remaining;
        g.write(item[0]);
        int full = rnd.nextInt(65536);
        int cycles = rnd.nextInt(65536);
        word(g, full);
        word(g, cycles);
        raw[5] = full;
        raw[6] = cycles;
        for (int i = 4; i < item[1]; i++) {
            g.write(rnd.nextInt(256));
        }
        return g.toByteArray();
    }

    private static void word(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void randomAndMutatedRepliesGiveAFrameMoreBytesOrATypedError(String id) throws Exception {
        YdtProtocol p = protocol(id);
        List<Case> seeds = switch (id) {
            case "pylontech" -> List.of(seed(p, Golden.G1_REQUEST, Golden.G1_RESPONSE),
                    seed(p, Golden.G2_REQUEST, Golden.G2_RESPONSE), seed(p, Golden.G3_REQUEST, Golden.G3_RESPONSE));
            case "seplos-v2" -> List.of(seed(p, Golden.G4_REQUEST, Golden.G4_RESPONSE),
                    seed(p, Golden.G5_REQUEST, Golden.G5_RESPONSE));
            default -> List.of(seed(p, Golden.PACE_ANALOG_REQUEST, Golden.PACE_ANALOG_RESPONSE),
                    seed(p, Golden.PACE_STATUS_REQUEST, Golden.PACE_STATUS_RESPONSE));
        };
        DecoderFuzzer.Stats stats = new DecoderFuzzer(p, (rnd, i) -> generate(p, id, rnd), seeds,
                2 * YdtFrame.MAX_FRAME).run(CASES, id.hashCode());
        assertEquals(CASES, stats.cases());
        // Every intact reply is found in its stream and decoded; mutations are caught by the checksums.
        assertEquals(stats.intact(), stats.intactDecoded(), stats::toString);
        assertTrue(stats.intact() > CASES / 10, stats::toString);
        for (Kind k : List.of(Kind.GARBAGE, Kind.ECHO, Kind.WRONG_ADDRESS, Kind.BAD_CHECKSUM)) {
            assertTrue(stats.errors().getOrDefault(k, 0) > 100, () -> k + " never seen: " + stats);
        }
    }

    private static Case seed(YdtProtocol p, String request, String response) throws ProtocolException {
        return new Case(p.parseRequest(ascii(request)), ascii(response));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pylontech", "seplos-v2", "pace-v25" })
    void analogValuesRoundTrip(String id) throws Exception {
        YdtProtocol p = protocol(id);
        YdtVariant v = YdtVariant.load(id);
        Random rnd = new Random(7);
        for (int n = 0; n < 5000; n++) {
            double[] raw = new double[7];
            int[] item = items(id)[0];
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            info.write(0);
            info.write(5);
            info.writeBytes(analogGroup(rnd, item, raw));
            Request r = p.requests(Command.ANALOG, 5).get(0);
            Reply reply = p.decode(r, new YdtFrame(v.version, 5, 0x46, 0, info.toByteArray()).encode());
            PackSnapshot s = reply.packs().get(0);
            assertEquals((int) raw[0], s.cellCount());
            assertEquals(raw[2] * v.currentScale, s.get(Quantity.CURRENT), 1e-6);
            assertEquals(raw[3] * v.voltageScale, s.get(Quantity.VOLTAGE), 1e-6);
            assertEquals(raw[4] * v.capacityScale, s.get(Quantity.REMAINING_CAPACITY), 1e-6);
            if (s.temperatureCount() > 0) {
                assertEquals((raw[1] - v.temperatureOffset) / 10, s.temperature(0), 1e-6);
            }
            if (id.equals("seplos-v2")) {
                assertEquals(raw[5] * v.capacityScale, s.get(Quantity.FULL_CAPACITY), 1e-6);
            } else {
                assertEquals(raw[5] * v.capacityScale, s.get(Quantity.FULL_CAPACITY), 1e-6);
                assertEquals(raw[6], s.get(Quantity.CYCLES), 1e-9);
            }
        }
    }
}
