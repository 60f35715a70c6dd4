package org.bmsworkbench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ProtocolApiTest {

    @Test
    void streamBufferKeepsTheNewestBytesAndCountsTheDropped() {
        StreamBuffer b = new StreamBuffer(8);
        b.append(new byte[] { 1, 2, 3, 4, 5 }, 0, 5);
        b.append(new byte[] { 6, 7, 8, 9, 10 }, 1, 4);
        assertEquals(8, b.size());
        assertEquals(1, b.takeDropped());
        assertArrayEquals(new byte[] { 2, 3, 4, 5, 7, 8, 9, 10 }, Arrays.copyOf(b.array(), b.size()));
        assertEquals(0, b.takeDropped());
        byte[] flood = new byte[100];
        flood[99] = 42;
        b.append(flood, 0, flood.length);
        assertEquals(8, b.size());
        assertEquals(42, b.array()[7]);
        assertEquals(100, b.takeDropped());
        b.consume(3);
        assertEquals(5, b.size());
        assertThrows(IndexOutOfBoundsException.class, () -> b.consume(6));
        assertThrows(IndexOutOfBoundsException.class, () -> b.append(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> b.append(new byte[4], -1, 1));
    }

    @Test
    void hexIsReadAsPeopleWriteIt() {
        assertArrayEquals(new byte[] { 1, 4, 0x10, (byte) 0xC6 }, Hex.parse("01 04 10 c6"));
        assertArrayEquals(new byte[] { 1, 4 }, Hex.parse("0x01,0x04"));
        assertArrayEquals(new byte[] { 1, 4 }, Hex.parse("01:04"));
        assertEquals("'G' is not a hexadecimal digit", assertThrows(IllegalArgumentException.class,
                () -> Hex.parse("01 0G")).getMessage());
        assertEquals("an odd number of hexadecimal digits (3)", assertThrows(IllegalArgumentException.class,
                () -> Hex.parse("010")).getMessage());
        assertEquals("01 04 10 C6", Hex.spaced(new byte[] { 1, 4, 0x10, (byte) 0xC6 }));
    }

    @Test
    void scalingLeavesNoBinaryNoise() {
        assertEquals(52.8, Scaling.apply(5280, 0.01, 0));
        assertEquals(21.2, Scaling.apply(2943, 0.1, -273.1));
        assertEquals(-6.76, Scaling.apply(-676, 0.01, 0));
    }
}
