package org.bmsworkbench.ui.trends;

import java.text.MessageFormat;

/** User-facing strings of the Trends view ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String trends_value;
    public String trends_packs;
    public String trends_window;
    public String trends_follow;
    public String trends_follow_tooltip;
    public String trends_save;
    public String trends_save_title;
    public String trends_saved;
    public String trends_save_failed;
    public String trends_empty;
    public String trends_loading;
    public String trends_loaded;
    public String trends_load_failed;
    public String trends_help;
    public String trends_readout;
    public String trends_time;
    public String scope_selected;
    public String scope_bus;
    public String choice_VOLTAGE;
    public String choice_CURRENT;
    public String choice_SOC;
    public String choice_CELL_MIN_MAX;
    public String choice_CELL_SPREAD;
    public String choice_TEMP_MIN_MAX;
    public String choice_TEMPERATURES;
    public String value_VOLTAGE;
    public String value_CURRENT;
    public String value_SOC;
    public String value_CELL_MIN;
    public String value_CELL_MAX;
    public String value_CELL_SPREAD;
    public String value_TEMP_MIN;
    public String value_TEMP_MAX;
    public String value_SENSOR;
    public String window_1m;
    public String window_10m;
    public String window_1h;
    public String window_6h;
    public String window_24h;
    public String window_session;
    public String marker_simulated;
    public String marker_replay;
    public String heat_title;
    public String heat_empty;
    public String heat_legend;
    public String heat_cell;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }
}
