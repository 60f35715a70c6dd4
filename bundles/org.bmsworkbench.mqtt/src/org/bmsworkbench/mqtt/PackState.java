package org.bmsworkbench.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The JSON state message of one pack: every value the pack reported under its session-file column name
 * ({@code voltage}, {@code remaining_capacity}, ...), the cell and temperature figures Home Assistant shows as
 * sensors ({@code cell_min}, {@code cell_max}, {@code cell_spread}, {@code temp_min}, {@code temp_max},
 * {@code power}), the cells and temperatures as arrays (an attribute, not 176 entities) and the active flags.
 * A value the pack did not report is left out; an unread cell or an absent sensor is {@code null} in its array.
 */
public final class PackState {

    /** Derived figures, with the Home Assistant metadata of their sensors. */
    public static final String CELL_MIN = "cell_min";
    public static final String CELL_MAX = "cell_max";
    public static final String CELL_SPREAD = "cell_spread";
    public static final String TEMP_MIN = "temp_min";
    public static final String TEMP_MAX = "temp_max";
    public static final String POWER = "power";

    private static final Gson GSON = new Gson();

    private PackState() {
    }

    /** The key of a quantity: its key in snake case, as the session files name its column. */
    public static String key(Quantity q) {
        return q.key().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    public static JsonObject json(String busId, PackSnapshot s) {
        JsonObject o = new JsonObject();
        o.addProperty("time", s.time().toString());
        o.addProperty("time_ms", s.time().toEpochMilli());
        o.addProperty("bus", busId);
        o.addProperty("address", s.address());
        for (Quantity q : Quantity.values()) {
            if (s.has(q)) {
                o.addProperty(key(q), s.get(q));
            }
        }
        if (s.has(Quantity.VOLTAGE) && s.has(Quantity.CURRENT)) {
            o.addProperty(POWER, round(s.get(Quantity.VOLTAGE) * s.get(Quantity.CURRENT), 1));
        }
        double[] cells = s.cellVoltages();
        double min = Double.NaN;
        double max = Double.NaN;
        int minIndex = 0;
        int maxIndex = 0;
        JsonArray cellArray = new JsonArray();
        for (int i = 0; i < cells.length; i++) {
            double v = cells[i];
            if (Double.isNaN(v)) {
                cellArray.add((Number) null);
                continue;
            }
            cellArray.add(round(v, 4));
            if (Double.isNaN(min) || v < min) {
                min = v;
                minIndex = i + 1;
            }
            if (Double.isNaN(max) || v > max) {
                max = v;
                maxIndex = i + 1;
            }
        }
        if (Double.isNaN(min)) {
            min = s.get(Quantity.MIN_CELL_VOLTAGE);
            max = s.get(Quantity.MAX_CELL_VOLTAGE);
        } else {
            o.addProperty("cell_min_index", minIndex);
            o.addProperty("cell_max_index", maxIndex);
        }
        if (!Double.isNaN(min)) {
            o.addProperty(CELL_MIN, round(min, 4));
        }
        if (!Double.isNaN(max)) {
            o.addProperty(CELL_MAX, round(max, 4));
        }
        if (!Double.isNaN(min) && !Double.isNaN(max)) {
            o.addProperty(CELL_SPREAD, round((max - min) * 1000, 1));
        }
        double tMin = Double.NaN;
        double tMax = Double.NaN;
        JsonArray temps = new JsonArray();
        for (double t : s.temperatures()) {
            if (Double.isNaN(t)) {
                temps.add((Number) null);
                continue;
            }
            temps.add(round(t, 2));
            tMin = Double.isNaN(tMin) ? t : Math.min(tMin, t);
            tMax = Double.isNaN(tMax) ? t : Math.max(tMax, t);
        }
        if (Double.isNaN(tMin)) {
            tMin = s.get(Quantity.MIN_CELL_TEMPERATURE);
            tMax = s.get(Quantity.MAX_CELL_TEMPERATURE);
        }
        if (!Double.isNaN(tMin)) {
            o.addProperty(TEMP_MIN, round(tMin, 2));
        }
        if (!Double.isNaN(tMax)) {
            o.addProperty(TEMP_MAX, round(tMax, 2));
        }
        o.add("cells", cellArray);
        o.add("temperatures", temps);
        JsonArray balancing = new JsonArray();
        s.balancing().stream().forEach(i -> balancing.add(i + 1));
        o.add("balancing", balancing);
        o.add("flags", names(s, null));
        o.add("alarms", names(s, FlagCategory.ALARM));
        o.add("protections", names(s, FlagCategory.PROTECTION));
        return o;
    }

    public static String text(String busId, PackSnapshot s) {
        return GSON.toJson(json(busId, s));
    }

    private static JsonArray names(PackSnapshot s, FlagCategory category) {
        JsonArray a = new JsonArray();
        List<PackFlag> flags = new ArrayList<>(s.flags());
        flags.sort(null);
        for (PackFlag f : flags) {
            if (category == null || f.category() == category) {
                a.add(f.name());
            }
        }
        return a;
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
