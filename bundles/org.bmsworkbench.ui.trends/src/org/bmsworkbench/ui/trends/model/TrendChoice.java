package org.bmsworkbench.ui.trends.model;

import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.record.store.TrendValue;

/** What the chart shows of each pack. */
public enum TrendChoice {
    VOLTAGE, CURRENT, SOC, CELL_MIN_MAX, CELL_SPREAD, TEMP_MIN_MAX,
    /** Every temperature sensor, of the selected pack only (33 lines per pack would be unreadable). */
    TEMPERATURES;

    /** The values drawn for one pack that has {@code sensors} temperature sensors. */
    public List<TrendValue> values(int sensors) {
        return switch (this) {
            case VOLTAGE -> List.of(TrendValue.VOLTAGE);
            case CURRENT -> List.of(TrendValue.CURRENT);
            case SOC -> List.of(TrendValue.SOC);
            case CELL_MIN_MAX -> List.of(TrendValue.CELL_MIN, TrendValue.CELL_MAX);
            case CELL_SPREAD -> List.of(TrendValue.CELL_SPREAD);
            case TEMP_MIN_MAX -> List.of(TrendValue.TEMP_MIN, TrendValue.TEMP_MAX);
            case TEMPERATURES -> {
                List<TrendValue> all = new ArrayList<>();
                for (int i = 0; i < sensors; i++) {
                    all.add(TrendValue.sensor(i));
                }
                yield all;
            }
        };
    }

    /** Whether only one pack is drawn whatever the scope. */
    public boolean onePackOnly() {
        return this == TEMPERATURES;
    }

    public String unit() {
        return values(1).get(0).unit();
    }
}
