package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.HalfDuplexStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModbusCodecTest {

    private final ModbusProtocol seplos = new SeplosV3Protocol();

    @Test
    void crcMatchesTheCatalogueCheckValue() {
        assertEquals(0x4B37, Crc16.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
        assertArrayEquals(Hex.parse("01 04 10 00 00 11 34 C6"), Crc16.append(Hex.parse("01 04 10 00 00 11")));
    }

    @Test
    void streamDecoderSkipsGarbageEchoAndOtherSlavesAndJoinsSplitReads() throws Exception {
        Request r = seplos.parseRequest(Hex.parse(SeplosV3GoldenTest.G6_REQUEST));
        byte[] reply = Hex.parse(SeplosV3GoldenTest.G6_RESPONSE);
        byte[] other = ModbusFrames.readReply(2, 4, new int[] { 1, 2, 3 });
        HalfDuplexStream.check(seplos, r, new byte[] { (byte) 0xFF, 0x7E, 0x00 }, other, reply, 10);
    }

    @Test
    void aCorruptReplyIsABadChecksumAndTheRepeatIsFound() throws Exception {
        Request r = seplos.parseRequest(Hex.parse(SeplosV3GoldenTest.G6_REQUEST));
        byte[] reply = Hex.parse(SeplosV3GoldenTest.G6_RESPONSE);
        byte[] bad = reply.clone();
        bad[7] ^= 0x10;
        FrameDecoder d = seplos.decoder(r);
        d.feed(bad);
        d.feed(reply);
        assertEquals(Kind.BAD_CHECKSUM, ((DecodeResult.Failure) d.next()).error().kind());
        DecodeResult next;
        while ((next = d.next()) instanceof DecodeResult.Failure f) {
            assertEquals(Kind.GARBAGE, f.error().kind());
        }
        assertArrayEquals(reply, ((DecodeResult.Frame) next).bytes());
    }

    @Test
    void anExceptionReplyIsAFrame() throws Exception {
        Request r = seplos.parseRequest(Hex.parse(SeplosV3GoldenTest.G7B_REQUEST));
        FrameDecoder d = seplos.decoder(r);
        d.feed(Hex.parse(SeplosV3GoldenTest.G7B_RESPONSE));
        assertTrue(d.next() instanceof DecodeResult.Frame);
    }

    @ParameterizedTest
    @CsvSource({
        "01 04 10 00 00 11 34 C7, BAD_CHECKSUM",
        "01 07 10 00 00 11 B4 EA, UNSUPPORTED",
        "01 04 10 00 00 11 00 34 C6, BAD_CHECKSUM",
        "01 10 10 00 00 01 04 00 01 02 03 5E 85, BAD_FORMAT" })
    void badRequestsAreNamed(String frame, Kind kind) {
        byte[] bytes = Hex.parse(frame);
        if (kind == Kind.UNSUPPORTED || kind == Kind.BAD_FORMAT) {
            bytes = Crc16.append(java.util.Arrays.copyOf(bytes, bytes.length - 2));
        }
        byte[] given = bytes;
        assertEquals(kind, assertThrows(ProtocolException.class, () -> seplos.parseRequest(given)).error().kind());
    }

    @Test
    void repliesThatDoNotFitTheRequestAreTypedErrors() throws Exception {
        Request r = seplos.parseRequest(Hex.parse(SeplosV3GoldenTest.G6_REQUEST));
        assertEquals(Kind.BAD_PAYLOAD, assertThrows(ProtocolException.class,
                () -> seplos.decode(r, ModbusFrames.readReply(1, 4, new int[3]))).error().kind());
        assertEquals(Kind.WRONG_ADDRESS, assertThrows(ProtocolException.class,
                () -> seplos.decode(r, ModbusFrames.readReply(2, 4, new int[17]))).error().kind());
        assertEquals(Kind.UNEXPECTED_REPLY, assertThrows(ProtocolException.class,
                () -> seplos.decode(r, ModbusFrames.readReply(1, 3, new int[17]))).error().kind());
        assertEquals(Kind.BAD_FORMAT, assertThrows(ProtocolException.class,
                () -> seplos.decode(r, new byte[] { 1, 4 })).error().kind());
    }

    @Test
    void readsStayWithinTheModbusLimits() throws Exception {
        assertThrows(ProtocolException.class, () -> seplos.read(Command.RAW, 1, 4, 0x1000, 126));
        assertThrows(ProtocolException.class, () -> seplos.read(Command.RAW, 1, 1, 0x1000, 2001));
        assertThrows(ProtocolException.class, () -> seplos.read(Command.RAW, 1, 4, 0xFFFF, 2));
        assertThrows(ProtocolException.class, () -> seplos.read(Command.RAW, 1, 5, 0, 1));
        assertThrows(ProtocolException.class, () -> seplos.requests(Command.ANALOG, 255));
        assertEquals("01 03 13 00 00 7D 81 6F", Hex.spaced(seplos.read(Command.RAW, 1, 3, 0x1300, 125).frame()));
    }

    @Test
    void writesOnlyWhatTheMapDeclaresWritable() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> seplos.writeRegisters(Command.RAW, 1, 0x1000, new int[] { 1 }));
        assertEquals("register 0x1000 is not writable in seplos-v3", e.getMessage());
    }

    @Test
    void mapMistakesNameTheirLine() {
        String head = "map t\nname \"T\"\nblock b 04 0x0000 10\n";
        assertMistake(head + "field 0x0000 u16 q.nonsense\n", "line 4: unknown quantity nonsense");
        assertMistake(head + "field 0x0009 u32 q.voltage\n", "line 4: field at 0x0009..0x000A lies outside block b");
        assertMistake(head + "field 0x0000 u16 q.voltage\nfield 0x0000 u16 q.current\n",
                "line 5: field at 0x0000 overlaps the field at 0x0000");
        assertMistake(head + "field 0x0000 bits flags\nbit 3 flag.NOT_A_FLAG\n", "line 5: No enum constant");
        assertMistake("map t\nname \"T\"\nblock b 03 0x0000 10\nfield 0 u16 param.x label=X\n",
                "line 4: param.x is writable and needs min= and max=");
        assertMistake(head + "block c 04 0x0005 10\n", "line 4: block c overlaps block b");
        assertMistake(head + "command analog nowhere\n", "command analog names unknown block nowhere");
        assertMistake(head + "field 0 u16 text.x label=\"unclosed\n", "line 4: a quote is not closed");
    }

    private static void assertMistake(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegisterMap.parse(text, "t"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aSingleCoilWriteIsAnsweredByACopyOfTheRequestEvenBehindAnEcho() throws Exception {
        NativeModbusProtocol p = new NativeModbusProtocol();
        Request write = p.control(1, org.bmsworkbench.protocol.ControlAction.DFET_OFF).get(0);
        byte[] frame = write.frame();
        assertEquals(5, frame[1]);
        FrameDecoder alone = p.decoder(write);
        alone.feed(frame);
        DecodeResult r = alone.next();
        assertTrue(r instanceof DecodeResult.Frame, String.valueOf(r));
        assertTrue(p.decode(write, ((DecodeResult.Frame) r).bytes()).error() == null);
        // an adapter that hears itself: two copies, the first taken as the answer
        FrameDecoder echoed = p.decoder(write);
        echoed.feed(frame);
        echoed.feed(frame);
        assertTrue(echoed.next() instanceof DecodeResult.Frame);
    }
}
