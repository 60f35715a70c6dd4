package org.bmsworkbench.config;

/** What a board keeps of a product text: at most 30 printable ASCII characters. */
public final class TextRules {

    public static final int MAX_LENGTH = 30;

    private TextRules() {
    }

    /** Why {@code value} cannot be written, in one line, or {@code null} when it can. */
    public static String problem(String value, int max) {
        if (value == null) {
            return "no text";
        }
        if (value.length() > max) {
            return value.length() + " characters, at most " + max + " fit";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "character " + (i + 1) + " (U+" + String.format("%04X", (int) c)
                        + ") is not printable ASCII (letters, digits, space and ! to ~)";
            }
        }
        return null;
    }

    /** The position (1-based) of the first character that cannot be written, or 0. */
    public static int firstBadCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return i + 1;
            }
        }
        return 0;
    }
}
