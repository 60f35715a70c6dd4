package org.bmsworkbench.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every status, alarm, protection, detection and control flag a pack can report, whatever its protocol.
 * Each protocol maps its own bits onto these names; a bit with no counterpart here is not reported.
 * The names follow the labels of the reference host software (Pack-UV, Cell-OVP, CFET Error, ...).
 */
public enum PackFlag {
    // System status
    CFET_ON(FlagCategory.SYSTEM),
    DFET_ON(FlagCategory.SYSTEM),
    PRECHARGE_FET_ON(FlagCategory.SYSTEM),
    CHARGING(FlagCategory.SYSTEM),
    DISCHARGING(FlagCategory.SYSTEM),
    FLOAT_CHARGE(FlagCategory.SYSTEM),
    STANDBY(FlagCategory.SYSTEM),
    SHUTDOWN(FlagCategory.SYSTEM),
    HEATING(FlagCategory.SYSTEM),
    HEAT_DISSIPATION(FlagCategory.SYSTEM),
    AC_IN(FlagCategory.SYSTEM),
    FULL_CHARGE(FlagCategory.SYSTEM),
    PRE_CHARGE(FlagCategory.SYSTEM),
    BUZZER(FlagCategory.SYSTEM),
    CHARGE_CURRENT_LIMIT_ON(FlagCategory.SYSTEM),
    BALANCING(FlagCategory.SYSTEM),

    // Alarms
    PACK_UV(FlagCategory.ALARM),
    PACK_OV(FlagCategory.ALARM),
    CELL_UV(FlagCategory.ALARM),
    CELL_OV(FlagCategory.ALARM),
    CELL_DIFF(FlagCategory.ALARM),
    CHG_UT(FlagCategory.ALARM),
    CHG_OT(FlagCategory.ALARM),
    DSG_UT(FlagCategory.ALARM),
    DSG_OT(FlagCategory.ALARM),
    CELL_UT(FlagCategory.ALARM),
    CELL_OT(FlagCategory.ALARM),
    ENV_UT(FlagCategory.ALARM),
    ENV_OT(FlagCategory.ALARM),
    MOS_UT(FlagCategory.ALARM),
    MOS_OT(FlagCategory.ALARM),
    SOC_LOW(FlagCategory.ALARM),
    CHG_OC(FlagCategory.ALARM),
    DSG_OC(FlagCategory.ALARM),

    // Protections
    PACK_UVP(FlagCategory.PROTECTION),
    PACK_OVP(FlagCategory.PROTECTION),
    CELL_UVP(FlagCategory.PROTECTION),
    CELL_OVP(FlagCategory.PROTECTION),
    CHG_UTP(FlagCategory.PROTECTION),
    CHG_OTP(FlagCategory.PROTECTION),
    DSG_UTP(FlagCategory.PROTECTION),
    DSG_OTP(FlagCategory.PROTECTION),
    ENV_UTP(FlagCategory.PROTECTION),
    ENV_OTP(FlagCategory.PROTECTION),
    MOS_UTP(FlagCategory.PROTECTION),
    MOS_OTP(FlagCategory.PROTECTION),
    CHG_OCP(FlagCategory.PROTECTION),
    DSG_OCP_1(FlagCategory.PROTECTION),
    DSG_OCP_2(FlagCategory.PROTECTION),
    SCP(FlagCategory.PROTECTION),
    CHARGER_OVP(FlagCategory.PROTECTION),
    SOC_LOW_P(FlagCategory.PROTECTION),
    INVERSED_CHARGER(FlagCategory.PROTECTION),

    // Detection (self-test faults)
    CFET_ERROR(FlagCategory.DETECTION),
    DFET_ERROR(FlagCategory.DETECTION),
    CURRENT_LIMIT_ERROR(FlagCategory.DETECTION),
    VOLTAGE_SENSE_ERROR(FlagCategory.DETECTION),
    TEMP_SENSE_ERROR(FlagCategory.DETECTION),
    CURRENT_SENSE_ERROR(FlagCategory.DETECTION),
    CELL_ERROR(FlagCategory.DETECTION),
    KEY_SWITCH_ERROR(FlagCategory.DETECTION),
    EEPROM_ERROR(FlagCategory.DETECTION),
    RTC_ERROR(FlagCategory.DETECTION),
    CALIBRATION_MISSING(FlagCategory.DETECTION),

    // Control (enabled functions)
    CFET_ENABLED(FlagCategory.CONTROL),
    DFET_ENABLED(FlagCategory.CONTROL),
    HEATING_ENABLED(FlagCategory.CONTROL),
    RADIATING_ENABLED(FlagCategory.CONTROL),
    LED_ENABLED(FlagCategory.CONTROL),
    BUZZER_ENABLED(FlagCategory.CONTROL),
    DORMANCY_ENABLED(FlagCategory.CONTROL),
    CHARGE_LIMIT_ENABLED(FlagCategory.CONTROL);

    private final FlagCategory category;

    PackFlag(FlagCategory category) {
        this.category = category;
    }

    public FlagCategory category() {
        return category;
    }

    /** The flags of one category, in declaration order. */
    public static Set<PackFlag> of(FlagCategory category) {
        EnumSet<PackFlag> result = EnumSet.noneOf(PackFlag.class);
        for (PackFlag flag : values()) {
            if (flag.category == category) {
                result.add(flag);
            }
        }
        return result;
    }
}
