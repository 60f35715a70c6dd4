package org.bmsworkbench.ui.parameters;

import java.text.MessageFormat;

import org.bmsworkbench.parameters.ApplyToMany;
import org.bmsworkbench.parameters.RowState;

/** User-facing strings of the Parameter Information view ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String header_none;
    public String state_HIBERNATING;
    public String header_pack;
    public String state_ONLINE;
    public String state_STALE;
    public String state_OFFLINE;
    public String not_read;
    public String read_only;
    public String no_page;
    public String col_name;
    public String col_unit;
    public String col_min;
    public String col_max;
    public String col_value;
    public String col_device;
    public String col_state;
    public String section_general;
    public String section_voltage;
    public String section_current;
    public String section_temperature;
    public String section_soc;
    public String section_timing;
    public String section_function;
    public String section_alarm;
    public String section_protection;
    public String section_other;
    public String mark_CHANGED;
    public String mark_INVALID;
    public String mark_DIFFERS_AFTER_WRITE;
    public String button_read;
    public String button_write;
    public String button_import;
    public String button_export;
    public String button_report;
    public String button_compare;
    public String button_apply;
    public String button_revert;
    public String check_writeAll;
    public String check_writeAll_tip;
    public String check_restore;
    public String check_restore_tip;
    public String scp;
    public String scp_unknown;
    public String reading;
    public String read_done;
    public String read_failed;
    public String problem_one;
    public String problem_many;
    public String changes;
    public String write_nothing;
    public String write_refused;
    public String write_locked;
    public String confirm_title;
    public String confirm_text;
    public String confirm_restore_title;
    public String confirm_restore;
    public String confirm_send;
    public String confirm_cancel;
    public String cancelled;
    public String writing;
    public String write_done;
    public String write_differs;
    public String write_failed;
    public String restored;
    public String file_json;
    public String file_xlsx;
    public String import_done;
    public String import_listed;
    public String import_refused;
    public String import_failed;
    public String export_done;
    public String export_failed;
    public String compare_title;
    public String compare_source;
    public String compare_file;
    public String compare_pack;
    public String compare_run;
    public String compare_other;
    public String compare_same;
    public String compare_count;
    public String compare_reading;
    public String compare_only_diff;
    public String apply_title;
    public String apply_intro;
    public String apply_stop;
    public String apply_start;
    public String apply_stop_now;
    public String apply_close;
    public String apply_col_pack;
    public String apply_col_result;
    public String apply_col_message;
    public String apply_none;
    public String apply_running;
    public String apply_done;
    public String apply_confirm;
    public String status_WRITTEN;
    public String status_REFUSED;
    public String status_OFFLINE;
    public String status_DIFFERS_AFTER_WRITE;
    public String status_FAILED;
    public String status_SKIPPED;
    public String report_sheet;
    public String refused_NO_DATA;
    public String refused_REPLAY;
    public String refused_UNSUPPORTED;
    public String refused_NOT_CURRENT;
    public String refused_BUS_NOT_OPEN;
    public String refused_LOCKED;
    public String language;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    /** The title of a section header ({@code voltage} → "Voltages"); the key itself for a section of no name. */
    public String section(String key) {
        return switch (key) {
            case "general" -> section_general;
            case "voltage" -> section_voltage;
            case "current" -> section_current;
            case "temperature" -> section_temperature;
            case "soc" -> section_soc;
            case "timing" -> section_timing;
            case "function" -> section_function;
            case "alarm" -> section_alarm;
            case "protection" -> section_protection;
            case "other" -> section_other;
            default -> key;
        };
    }

    /** The state mark of a row, empty for an unchanged row. */
    public String mark(RowState state) {
        return switch (state) {
            case UNCHANGED -> "";
            case CHANGED -> mark_CHANGED;
            case INVALID -> mark_INVALID;
            case DIFFERS_AFTER_WRITE -> mark_DIFFERS_AFTER_WRITE;
        };
    }

    public String status(ApplyToMany.Status status) {
        return switch (status) {
            case WRITTEN -> status_WRITTEN;
            case REFUSED -> status_REFUSED;
            case OFFLINE -> status_OFFLINE;
            case DIFFERS_AFTER_WRITE -> status_DIFFERS_AFTER_WRITE;
            case FAILED -> status_FAILED;
            case SKIPPED -> status_SKIPPED;
        };
    }
}
