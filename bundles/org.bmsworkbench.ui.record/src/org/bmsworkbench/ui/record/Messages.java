package org.bmsworkbench.ui.record;

import java.text.MessageFormat;

import org.bmsworkbench.events.RecordingStatus;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.ui.record.model.ExportForm;
import org.bmsworkbench.ui.record.model.RecordColumns;
import org.bmsworkbench.ui.record.model.SettingsForm;

/** User-facing strings of the recording views and dialogs ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String data_title;
    public String data_summary;
    public String data_replay;
    public String bus_simulated;
    public String data_noBus;
    public String data_noSession;
    public String data_noPacks;
    public String data_following;
    public String data_notFollowing;
    public String data_cleared;
    public String data_rows;
    public String data_readFailed;
    public String state_OFF;
    public String state_RECORDING;
    public String state_PAUSED;
    public String state_FAILED;
    public String column_pack;
    public String column_time;
    public String column_voltage;
    public String column_current;
    public String column_soc;
    public String column_soh;
    public String column_remaining;
    public String column_design;
    public String column_cycles;
    public String column_minV;
    public String column_maxV;
    public String column_outside;
    public String column_insulationPositive;
    public String column_insulationNegative;
    public String column_temperature;
    public String column_cell;
    public String column_alarms;
    public String corner_row;
    public String menu_export;
    public String menu_clear;
    public String menu_restore;
    public String menu_copy;
    public String export_title;
    public String export_message;
    public String export_packs;
    public String export_thisPack;
    public String export_allPacks;
    public String export_range;
    public String export_from;
    public String export_to;
    public String export_rangeHint;
    public String export_format;
    public String export_xlsx;
    public String export_csv;
    public String export_csvStandard;
    public String export_csvEuropean;
    public String export_file;
    public String export_browse;
    public String export_problem_NO_PACK;
    public String export_problem_FROM_INVALID;
    public String export_problem_TO_INVALID;
    public String export_problem_FROM_AFTER_TO;
    public String export_problem_NO_FILE;
    public String export_problem_FILE_INVALID;
    public String export_problem_FOLDER_MISSING;
    public String export_job;
    public String export_done;
    public String export_doneTitle;
    public String export_failed;
    public String export_unavailable;
    public String export_noSession;
    public String settings_title;
    public String settings_message;
    public String settings_folder;
    public String settings_browse;
    public String settings_folderNote;
    public String settings_retention;
    public String settings_limitSize;
    public String settings_gb;
    public String settings_limitAge;
    public String settings_days;
    public String settings_keepAll;
    public String settings_autoSave;
    public String settings_rows;
    public String settings_problem_NO_FOLDER;
    public String settings_problem_FOLDER_INVALID;
    public String settings_problem_SIZE_INVALID;
    public String settings_problem_AGE_INVALID;
    public String settings_problem_ROWS_INVALID;
    public String settings_saveFailed;
    public String recordings_folder;
    public String recordings_summary;
    public String recordings_empty;
    public String recordings_column_start;
    public String recordings_column_end;
    public String recordings_column_buses;
    public String recordings_column_packs;
    public String recordings_column_rows;
    public String recordings_column_size;
    public String recordings_column_file;
    public String recordings_current;
    public String recordings_export;
    public String recordings_delete;
    public String recordings_openFolder;
    public String recordings_refresh;
    public String recordings_replay;
    public String recordings_deleteTitle;
    public String recordings_deleteConfirm;
    public String recordings_deleteRefused;
    public String recordings_deleteFailed;
    public String recordings_openFailed;
    public String recordings_listFailed;
    public String jobs_cancel;
    public String jobs_cancelTooltip;
    public String jobs_cancelling;
    public String jobs_more;
    public String flag_PACK_UV;
    public String flag_PACK_OV;
    public String flag_CELL_UV;
    public String flag_CELL_OV;
    public String flag_CELL_DIFF;
    public String flag_CHG_UT;
    public String flag_CHG_OT;
    public String flag_DSG_UT;
    public String flag_DSG_OT;
    public String flag_CELL_UT;
    public String flag_CELL_OT;
    public String flag_ENV_UT;
    public String flag_ENV_OT;
    public String flag_MOS_UT;
    public String flag_MOS_OT;
    public String flag_SOC_LOW;
    public String flag_CHG_OC;
    public String flag_DSG_OC;
    public String flag_PACK_UVP;
    public String flag_PACK_OVP;
    public String flag_CELL_UVP;
    public String flag_CELL_OVP;
    public String flag_CHG_UTP;
    public String flag_CHG_OTP;
    public String flag_DSG_UTP;
    public String flag_DSG_OTP;
    public String flag_ENV_UTP;
    public String flag_ENV_OTP;
    public String flag_MOS_UTP;
    public String flag_MOS_OTP;
    public String flag_CHG_OCP;
    public String flag_DSG_OCP_1;
    public String flag_DSG_OCP_2;
    public String flag_SCP;
    public String flag_CHARGER_OVP;
    public String flag_SOC_LOW_P;
    public String flag_INVERSED_CHARGER;
    public String flag_CFET_ERROR;
    public String flag_DFET_ERROR;
    public String flag_CURRENT_LIMIT_ERROR;
    public String flag_VOLTAGE_SENSE_ERROR;
    public String flag_TEMP_SENSE_ERROR;
    public String flag_CURRENT_SENSE_ERROR;
    public String flag_CELL_ERROR;
    public String flag_KEY_SWITCH_ERROR;
    public String flag_EEPROM_ERROR;
    public String flag_RTC_ERROR;
    public String flag_CALIBRATION_MISSING;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** The header of a column of the Real-time Data page, with its unit. */
    public String header(RecordColumns.Column c) {
        return switch (c.kind()) {
            case PACK -> column_pack;
            case TIME -> column_time;
            case TEMPERATURE -> format(column_temperature, Integer.toString(c.number()));
            case CELL -> format(column_cell, Integer.toString(c.number()));
            case ALARMS -> column_alarms;
            case QUANTITY -> header(c.quantity());
        };
    }

    private String header(Quantity q) {
        return switch (q) {
            case VOLTAGE -> column_voltage;
            case CURRENT -> column_current;
            case SOC -> column_soc;
            case SOH -> column_soh;
            case REMAINING_CAPACITY -> column_remaining;
            case DESIGN_CAPACITY -> column_design;
            case CYCLES -> column_cycles;
            case MIN_CELL_VOLTAGE -> column_minV;
            case MAX_CELL_VOLTAGE -> column_maxV;
            case PORT_VOLTAGE -> column_outside;
            case INSULATION_POSITIVE -> column_insulationPositive;
            case INSULATION_NEGATIVE -> column_insulationNegative;
            default -> q.unit().isEmpty() ? q.key() : q.key() + " (" + q.unit() + ")";
        };
    }

    /** The name of an alarm, protection or detection flag; the flag's own name for one this page has no text for. */
    public String flag(PackFlag flag) {
        try {
            Object text = Messages.class.getField("flag_" + flag.name()).get(this);
            return text instanceof String s ? s : flag.name();
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // a flag of a category the alarms column does not list, or added to the model after these texts
            return flag.name();
        }
    }

    /** The recorder's state in a few words. */
    public String state(RecordingStatus status) {
        return switch (status.state()) {
            case OFF -> state_OFF;
            case RECORDING -> state_RECORDING;
            case PAUSED -> state_PAUSED;
            case FAILED -> format(state_FAILED, status.detail());
        };
    }

    public String problem(ExportForm.Problem p) {
        return switch (p) {
            case NO_PACK -> export_problem_NO_PACK;
            case FROM_INVALID -> export_problem_FROM_INVALID;
            case TO_INVALID -> export_problem_TO_INVALID;
            case FROM_AFTER_TO -> export_problem_FROM_AFTER_TO;
            case NO_FILE -> export_problem_NO_FILE;
            case FILE_INVALID -> export_problem_FILE_INVALID;
            case FOLDER_MISSING -> export_problem_FOLDER_MISSING;
        };
    }

    public String problem(SettingsForm.Problem p) {
        return switch (p) {
            case NO_FOLDER -> settings_problem_NO_FOLDER;
            case FOLDER_INVALID -> settings_problem_FOLDER_INVALID;
            case SIZE_INVALID -> settings_problem_SIZE_INVALID;
            case AGE_INVALID -> settings_problem_AGE_INVALID;
            case ROWS_INVALID -> settings_problem_ROWS_INVALID;
        };
    }
}
