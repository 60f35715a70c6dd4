package org.bmsworkbench.protocol.daly;

import static org.bmsworkbench.model.PackFlag.*;

import java.util.EnumSet;
import java.util.Set;

import org.bmsworkbench.model.PackFlag;

/**
 * The 64 failure bits of command 0x98 (byte × 8 + bit) and the flag each raises. Daly names two levels per limit:
 * level 1 is a warning (an alarm flag), level 2 trips the MOSFETs (a protection flag). Bits with no flag of their
 * own (SOC high, temperature difference, precharge, communication faults, byte 7 the fault code) stay in the
 * reply's {@code failureBits} detail.
 */
final class DalyFlags {

    static final PackFlag[] FAILURE_BITS = {
        // byte 0: cell high 1/2, cell low 1/2, sum high 1/2, sum low 1/2
        CELL_OV, CELL_OVP, CELL_UV, CELL_UVP, PACK_OV, PACK_OVP, PACK_UV, PACK_UVP,
        // byte 1: charge temperature high 1/2, low 1/2, discharge temperature high 1/2, low 1/2
        CHG_OT, CHG_OTP, CHG_UT, CHG_UTP, DSG_OT, DSG_OTP, DSG_UT, DSG_UTP,
        // byte 2: charge overcurrent 1/2, discharge overcurrent 1/2, SOC high 1/2, SOC low 1/2
        CHG_OC, CHG_OCP, DSG_OC, DSG_OCP_1, null, null, SOC_LOW, SOC_LOW_P,
        // byte 3: cell voltage difference 1/2, temperature difference 1/2
        CELL_DIFF, CELL_DIFF, null, null, null, null, null, null,
        // byte 4: charge/discharge MOS over-temperature, MOS sensor faults, MOS stuck on, MOS open
        MOS_OT, MOS_OT, TEMP_SENSE_ERROR, TEMP_SENSE_ERROR, CFET_ERROR, DFET_ERROR, CFET_ERROR, DFET_ERROR,
        // byte 5: front end, voltage acquisition lost, cell temperature sensor, EEPROM, RTC, precharge, comms
        VOLTAGE_SENSE_ERROR, VOLTAGE_SENSE_ERROR, TEMP_SENSE_ERROR, EEPROM_ERROR, RTC_ERROR, null, null, null,
        // byte 6: current module, total voltage detection, short circuit protection, low voltage forbids charge
        CURRENT_SENSE_ERROR, VOLTAGE_SENSE_ERROR, SCP, null, null, null, null, null,
        // byte 7: the fault code, a number rather than bits
        null, null, null, null, null, null, null, null };

    private DalyFlags() {
    }

    /** The flags the eight failure bytes raise. */
    static Set<PackFlag> flags(byte[] data, int offset) {
        Set<PackFlag> on = EnumSet.noneOf(PackFlag.class);
        for (int i = 0; i < FAILURE_BITS.length; i++) {
            if (FAILURE_BITS[i] != null && (data[offset + i / 8] >> (i % 8) & 1) != 0) {
                on.add(FAILURE_BITS[i]);
            }
        }
        return on;
    }

    /** Every flag of the table, so that a reply reports each as on or off. */
    static Set<PackFlag> mapped() {
        Set<PackFlag> all = EnumSet.noneOf(PackFlag.class);
        for (PackFlag f : FAILURE_BITS) {
            if (f != null) {
                all.add(f);
            }
        }
        return all;
    }

    /** The eight failure bytes for a set of flags: each flag sets the first bit that maps to it. */
    static byte[] bits(Set<PackFlag> flags) {
        byte[] out = new byte[8];
        Set<PackFlag> done = EnumSet.noneOf(PackFlag.class);
        for (int i = 0; i < FAILURE_BITS.length; i++) {
            PackFlag f = FAILURE_BITS[i];
            if (f != null && flags.contains(f) && done.add(f)) {
                out[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }
}
