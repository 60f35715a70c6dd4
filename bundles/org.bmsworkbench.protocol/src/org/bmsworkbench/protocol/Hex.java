package org.bmsworkbench.protocol;

import java.util.HexFormat;

/** Hexadecimal text as people write frames: upper case, with or without spaces. */
public final class Hex {

    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    /** "01 04 10 00" for the bytes 01 04 10 00. */
    public static String spaced(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    /**
     * The bytes written in {@code text}; spaces, tabs, colons and a leading 0x per byte are ignored.
     *
     * @throws IllegalArgumentException naming the first character that is not hexadecimal, or an odd count
     */
    public static byte[] parse(String text) {
        String cleaned = text.replaceAll("0[xX]([0-9a-fA-F]{2})", "$1").replaceAll("[\\s:,]", "");
        for (int i = 0; i < cleaned.length(); i++) {
            if (Character.digit(cleaned.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("'" + cleaned.charAt(i) + "' is not a hexadecimal digit");
            }
        }
        if (cleaned.length() % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hexadecimal digits (" + cleaned.length() + ")");
        }
        return HexFormat.of().parseHex(cleaned);
    }
}
