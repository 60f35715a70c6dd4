package org.bmsworkbench.protocol.jbdup;

import org.bmsworkbench.model.PackFlag;

/**
 * The fault word (protections and self-test faults) and the alarm word of the pack status, bit by bit, as the
 * public driver names them (docs/protocols/jbd-up.md). {@code null}: no flag of ours says it; the raw words stay
 * in the reply's details.
 */
final class UpFlags {

    static final PackFlag[] FAULT_BITS = {
        PackFlag.CELL_OVP, // 0 cell overvoltage
        PackFlag.CELL_UVP, // 1 cell undervoltage
        PackFlag.PACK_OVP, // 2 total overvoltage
        PackFlag.PACK_UVP, // 3 total undervoltage
        PackFlag.CHG_OCP, // 4 charge overcurrent 1
        PackFlag.CHG_OCP, // 5 charge overcurrent 2
        PackFlag.DSG_OCP_1, // 6 discharge overcurrent 1
        PackFlag.DSG_OCP_2, // 7 discharge overcurrent 2
        PackFlag.CHG_OTP, // 8 charge high temperature
        PackFlag.CHG_UTP, // 9 charge low temperature
        PackFlag.DSG_OTP, // 10 discharge high temperature
        PackFlag.DSG_UTP, // 11 discharge low temperature
        PackFlag.MOS_OTP, // 12 MOSFET high temperature
        PackFlag.ENV_OTP, // 13 ambient high temperature
        PackFlag.ENV_UTP, // 14 ambient low temperature
        PackFlag.CELL_DIFF, // 15 cell voltage difference
        null, // 16 temperature difference
        PackFlag.SOC_LOW_P, // 17 SOC too low
        PackFlag.SCP, // 18 short circuit
        PackFlag.CELL_ERROR, // 19 cell offline
        PackFlag.TEMP_SENSE_ERROR, // 20 temperature sensor failure
        PackFlag.CFET_ERROR, // 21 charge MOSFET fault
        PackFlag.DFET_ERROR, // 22 discharge MOSFET fault
        PackFlag.CURRENT_LIMIT_ERROR, // 23 current limiter anomaly
        null, // 24 aerosol (fire suppression) fault
        null, // 25 full-charge protection
        PackFlag.VOLTAGE_SENSE_ERROR, // 26 front-end (AFE) communication
        PackFlag.INVERSED_CHARGER, // 27 reverse connection
    };

    static final PackFlag[] ALARM_BITS = {
        PackFlag.CELL_OV, // 0
        PackFlag.CELL_UV, // 1
        PackFlag.PACK_OV, // 2
        PackFlag.PACK_UV, // 3
        PackFlag.CHG_OC, // 4
        PackFlag.DSG_OC, // 5
        PackFlag.CHG_OT, // 6
        PackFlag.CHG_UT, // 7
        PackFlag.DSG_OT, // 8
        PackFlag.DSG_UT, // 9
        PackFlag.MOS_OT, // 10
        PackFlag.ENV_OT, // 11
        PackFlag.ENV_UT, // 12
        PackFlag.CELL_DIFF, // 13 cell voltage difference
        null, // 14 temperature difference
        PackFlag.SOC_LOW, // 15
        PackFlag.EEPROM_ERROR, // 16
        PackFlag.RTC_ERROR, // 17
        null, // 18 full-charge protection
    };

    /** Bit 0: the discharge FET is on; bit 1: the charge FET. The reverse of the UART protocol's order. */
    static final int MOSFET_DISCHARGE = 1;
    static final int MOSFET_CHARGE = 2;

    private UpFlags() {
    }

    /** The word a board with {@code flag} set sends: the first bit that means it. */
    static long word(PackFlag[] bits, java.util.function.Predicate<PackFlag> set) {
        long word = 0;
        java.util.EnumSet<PackFlag> done = java.util.EnumSet.noneOf(PackFlag.class);
        for (int bit = 0; bit < bits.length; bit++) {
            PackFlag f = bits[bit];
            if (f != null && done.add(f) && set.test(f)) {
                word |= 1L << bit;
            }
        }
        return word;
    }
}
