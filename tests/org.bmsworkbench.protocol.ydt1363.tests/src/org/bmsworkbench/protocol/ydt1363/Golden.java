package org.bmsworkbench.protocol.ydt1363;

import java.nio.charset.StandardCharsets;

/** The YD/T1363 pairs of shared/reference/golden-frames.md, captured from real packs. */
final class Golden {

    static final String G1_REQUEST = "~20024642E00202FD33\r";
    static final String G1_RESPONSE = "~20024600C06E10020F0C9A0C980C990C980C9A0C9A0C990C9B0C9C0C9A0C9B0C9B0C9B0C9B0C99"
            + "050B740B550B570B530B630000BD06190F02C3500084E545\r";
    static final String G2_REQUEST = "~20024693E00202FD2D\r";
    static final String G2_RESPONSE = "~20024600C0220248505443523033313731313132353930F6D2\r";
    static final String G3_REQUEST = "~20024644E00202FD31\r";
    static final String G3_RESPONSE = "~20024600A04210020F000000000000000000000000000000050000000000000000000E000000"
            + "00F108\r";
    static final String G4_REQUEST = "~20004642E00200FD37\r";
    static final String G4_RESPONSE = "~2000460010960001100CD70CE90CF40CD60CEF0CE50CE10CDC0CE90CF00CE80CEF0CEA0CDA0CDE"
            + "0CD8060BA60BA00B970BA60BA50BA2FD5C14A0344E0A426803134650004603E8149F0000000000000000DC6C\r";
    static final String G5_REQUEST = "~200046510000FDAE\r";
    static final String G5_RESPONSE = "~20004600C040313130312D5350313520020743414E50726F746F636F6C3A536F666172202020"
            + "F046\r";

    /**
     * PACE V2.5 captures of PBmsTools 2.4 published with the esphome-pace-bms decoder; not in golden-frames.md,
     * so their values below are read from the frames as that decoder documents them.
     */
    static final String PACE_ANALOG_REQUEST = "~25014642E00201FD30\r";
    static final String PACE_ANALOG_RESPONSE = "~25014600F07A0001100CC70CC80CC70CC70CC70CC50CC60CC70CC70CC60CC70CC60CC60CC7"
            + "0CC60CC7060B9B0B990B990B990BB30BBCFF1FCCCD12D303286A008C2710E1E4\r";
    static final String PACE_STATUS_REQUEST = "~25014644E00201FD2E\r";
    static final String PACE_STATUS_RESPONSE = "~25014600004C000110000000000000000000000000000000000600000000000000000000"
            + "000E000000000000EF3A\r";

    private Golden() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
