package org.bmsworkbench.protocol.ydt1363;

import java.util.Map;

/** The return codes a YD/T1363 reply carries in its CID2 position. */
final class YdtReturnCodes {

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(0x00, "normal"),
            Map.entry(0x01, "VER error"),
            Map.entry(0x02, "CHKSUM error"),
            Map.entry(0x03, "LCHKSUM error"),
            Map.entry(0x04, "CID2 invalid"),
            Map.entry(0x05, "command format error"),
            Map.entry(0x06, "invalid data"),
            Map.entry(0x07, "no data"),
            Map.entry(0xE1, "CID1 invalid"),
            Map.entry(0xE2, "command execution failure"),
            Map.entry(0xE3, "device fault"),
            Map.entry(0xE4, "no permission"));

    private YdtReturnCodes() {
    }

    /** The meaning of a standard return code, or {@code null} when the standard does not define it. */
    static String meaning(int code) {
        return MEANINGS.get(code);
    }

    /** The meaning, with the variant's own codes (e.g. Pylontech 90H, 91H) taking part. */
    static String meaning(int code, Map<Integer, String> variantCodes) {
        String own = variantCodes.get(code);
        if (own != null) {
            return own;
        }
        String standard = MEANINGS.get(code);
        return standard != null ? standard : "unknown return code";
    }
}
