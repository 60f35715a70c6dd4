package org.bmsworkbench.records;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;

/**
 * The alarm codes of alarm records (docs/protocols/modbus-native.md, section 9.7): cleared × 0x8000 + category ×
 * 0x100 + bit, the bits of sections 7.2 (alarm), 7.3 (protection) and 7.4 (detection); with their text in English
 * and Chinese.
 */
public final class AlarmCodes {

    /** One bit of a category: its flag and its names. */
    private record Bit(PackFlag flag, String english, String chinese) {
    }

    private static final List<Bit> ALARM = List.of(
            new Bit(PackFlag.PACK_UV, "Pack-UV", "\u603b\u538b\u6b20\u538b\u544a\u8b66"),
            new Bit(PackFlag.PACK_OV, "Pack-OV", "\u603b\u538b\u8fc7\u538b\u544a\u8b66"),
            new Bit(PackFlag.CELL_UV, "Cell-UV", "\u5355\u4f53\u6b20\u538b\u544a\u8b66"),
            new Bit(PackFlag.CELL_OV, "Cell-OV", "\u5355\u4f53\u8fc7\u538b\u544a\u8b66"),
            new Bit(PackFlag.CELL_DIFF, "Voltage difference", "\u538b\u5dee\u544a\u8b66"),
            new Bit(PackFlag.CHG_UT, "Chg-UT", "\u5145\u7535\u4f4e\u6e29\u544a\u8b66"),
            new Bit(PackFlag.CHG_OT, "Chg-OT", "\u5145\u7535\u9ad8\u6e29\u544a\u8b66"),
            new Bit(PackFlag.DSG_UT, "Dsg-UT", "\u653e\u7535\u4f4e\u6e29\u544a\u8b66"),
            new Bit(PackFlag.DSG_OT, "Dsg-OT", "\u653e\u7535\u9ad8\u6e29\u544a\u8b66"),
            new Bit(PackFlag.CELL_UT, "Cell-UT", "\u7535\u82af\u4f4e\u6e29\u544a\u8b66"),
            new Bit(PackFlag.CELL_OT, "Cell-OT", "\u7535\u82af\u9ad8\u6e29\u544a\u8b66"),
            new Bit(PackFlag.ENV_UT, "Env-UT", "\u73af\u5883\u4f4e\u6e29\u544a\u8b66"),
            new Bit(PackFlag.ENV_OT, "Env-OT", "\u73af\u5883\u9ad8\u6e29\u544a\u8b66"),
            new Bit(PackFlag.MOS_UT, "Mos-UT", "MOS\u4f4e\u6e29\u544a\u8b66"),
            new Bit(PackFlag.MOS_OT, "Mos-OT", "MOS\u9ad8\u6e29\u544a\u8b66"),
            new Bit(PackFlag.SOC_LOW, "SOC-Low", "SOC\u4f4e\u544a\u8b66"),
            new Bit(PackFlag.CHG_OC, "Chg-OC", "\u5145\u7535\u8fc7\u6d41\u544a\u8b66"),
            new Bit(PackFlag.DSG_OC, "Dsg-OC", "\u653e\u7535\u8fc7\u6d41\u544a\u8b66"));

    private static final List<Bit> PROTECTION = List.of(
            new Bit(PackFlag.PACK_UVP, "Pack-UVP", "\u603b\u538b\u6b20\u538b\u4fdd\u62a4"),
            new Bit(PackFlag.PACK_OVP, "Pack-OVP", "\u603b\u538b\u8fc7\u538b\u4fdd\u62a4"),
            new Bit(PackFlag.CELL_UVP, "Cell-UVP", "\u5355\u4f53\u6b20\u538b\u4fdd\u62a4"),
            new Bit(PackFlag.CELL_OVP, "Cell-OVP", "\u5355\u4f53\u8fc7\u538b\u4fdd\u62a4"),
            new Bit(PackFlag.CHG_UTP, "Chg-UTP", "\u5145\u7535\u4f4e\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.CHG_OTP, "Chg-OTP", "\u5145\u7535\u9ad8\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.DSG_UTP, "Dsg-UTP", "\u653e\u7535\u4f4e\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.DSG_OTP, "Dsg-OTP", "\u653e\u7535\u9ad8\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.ENV_UTP, "Env-UTP", "\u73af\u5883\u4f4e\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.ENV_OTP, "Env-OTP", "\u73af\u5883\u9ad8\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.MOS_UTP, "Mos-UTP", "MOS\u4f4e\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.MOS_OTP, "Mos-OTP", "MOS\u9ad8\u6e29\u4fdd\u62a4"),
            new Bit(PackFlag.CHG_OCP, "Chg-OCP", "\u5145\u7535\u8fc7\u6d41\u4fdd\u62a4"),
            new Bit(PackFlag.DSG_OCP_1, "Dsg-OCP-1", "\u653e\u7535\u8fc7\u6d411\u4fdd\u62a4"),
            new Bit(PackFlag.DSG_OCP_2, "Dsg-OCP-2", "\u653e\u7535\u8fc7\u6d412\u4fdd\u62a4"),
            new Bit(PackFlag.SCP, "SCP", "\u77ed\u8def\u4fdd\u62a4"),
            new Bit(PackFlag.CHARGER_OVP, "Charger OVP", "\u5145\u7535\u5668\u8fc7\u538b\u4fdd\u62a4"),
            new Bit(PackFlag.SOC_LOW_P, "SOC low protection", "SOC\u8fc7\u4f4e\u4fdd\u62a4"),
            new Bit(PackFlag.INVERSED_CHARGER, "Inversed Charger", "\u5145\u7535\u5668\u53cd\u63a5"));

    private static final List<Bit> DETECTION = List.of(
            new Bit(PackFlag.CFET_ERROR, "CFET Error", "\u5145\u7535MOS\u6545\u969c"),
            new Bit(PackFlag.DFET_ERROR, "DFET Error", "\u653e\u7535MOS\u6545\u969c"),
            new Bit(PackFlag.CURRENT_LIMIT_ERROR, "Current limit error", "\u9650\u6d41\u6545\u969c"),
            new Bit(PackFlag.VOLTAGE_SENSE_ERROR, "Voltage sense error", "\u7535\u538b\u91c7\u6837\u6545\u969c"),
            new Bit(PackFlag.TEMP_SENSE_ERROR, "Temperature sense error", "\u6e29\u5ea6\u91c7\u6837\u6545\u969c"),
            new Bit(PackFlag.CURRENT_SENSE_ERROR, "Current sense error", "\u7535\u6d41\u91c7\u6837\u6545\u969c"),
            new Bit(PackFlag.CELL_ERROR, "Cell error", "\u7535\u82af\u6545\u969c"),
            new Bit(PackFlag.KEY_SWITCH_ERROR, "Key switch error", "\u94a5\u5319\u5f00\u5173\u6545\u969c"),
            new Bit(PackFlag.EEPROM_ERROR, "EEPROM error", "EEPROM\u6545\u969c"),
            new Bit(PackFlag.RTC_ERROR, "RTC error", "\u65f6\u949f\u6545\u969c"),
            new Bit(PackFlag.CALIBRATION_MISSING, "Calibration missing", "\u672a\u6821\u51c6"));

    private AlarmCodes() {
    }

    /** Whether the code says the condition ended. */
    public static boolean cleared(int code) {
        return (code & 0x8000) != 0;
    }

    /** ALARM, PROTECTION or DETECTION; empty for a code outside the three categories (and for data records). */
    public static Optional<FlagCategory> category(int code) {
        return switch ((code >> 8) & 0x7F) {
            case 1 -> Optional.of(FlagCategory.ALARM);
            case 2 -> Optional.of(FlagCategory.PROTECTION);
            case 3 -> Optional.of(FlagCategory.DETECTION);
            default -> Optional.empty();
        };
    }

    /** The flag the code is about; empty for an unknown code. */
    public static Optional<PackFlag> flag(int code) {
        return bit(code).map(Bit::flag);
    }

    private static Optional<Bit> bit(int code) {
        List<Bit> bits = switch ((code >> 8) & 0x7F) {
            case 1 -> ALARM;
            case 2 -> PROTECTION;
            case 3 -> DETECTION;
            default -> List.of();
        };
        int bit = code & 0xFF;
        return bit < bits.size() ? Optional.of(bits.get(bit)) : Optional.empty();
    }

    /** The manual's name of the code's condition in English or (for a Chinese locale) Chinese. */
    public static String name(int code, Locale locale) {
        boolean chinese = isChinese(locale);
        return bit(code).map(b -> chinese ? b.chinese() : b.english())
                .orElse(String.format(chinese ? "\u672a\u77e5\u4ee3\u7801 0x%04X" : "unknown code 0x%04X", code));
    }

    /** The alarm information column: {@code Cell-OVP raised}, {@code 单体过压保护 解除}. */
    public static String describe(int code, Locale locale) {
        if (code == 0) {
            return "";
        }
        boolean chinese = isChinese(locale);
        String state = cleared(code) ? (chinese ? "\u89e3\u9664" : "released") : (chinese ? "\u53d1\u751f" : "raised");
        return name(code, locale) + " " + state;
    }

    /** The code as the board stores it, {@code 0x0203}. */
    public static String hex(int code) {
        return String.format("0x%04X", code);
    }

    private static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
