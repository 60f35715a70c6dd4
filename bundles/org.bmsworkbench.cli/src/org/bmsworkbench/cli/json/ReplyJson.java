package org.bmsworkbench.cli.json;

import java.math.BigDecimal;
import java.util.List;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Reply;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The JSON form of a decoded reply shared by {@code bmsw decode} and {@code bmsw poll}, through Gson: what the
 * frame did not carry is left out, an absent value in an array is {@code null}; units are those of
 * {@link Quantity}. Numbers are written as people write them ({@code 170}, {@code 52.8}, not {@code 170.0} or
 * {@code 52.800000001}).
 */
public final class ReplyJson {

    /** Compact, and without Gson's HTML escaping ({@code =} and {@code '} stay as they are). */
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** Keys written first, in this order, when present. */
    private static final List<Quantity> LEADING = List.of(Quantity.CURRENT, Quantity.VOLTAGE,
            Quantity.REMAINING_CAPACITY, Quantity.FULL_CAPACITY, Quantity.DESIGN_CAPACITY, Quantity.SOC, Quantity.SOH,
            Quantity.CYCLES, Quantity.PORT_VOLTAGE);

    private ReplyJson() {
    }

    public static String toJson(String protocolId, Reply reply) {
        return GSON.toJson(toObject(protocolId, reply));
    }

    public static JsonObject toObject(String protocolId, Reply reply) {
        JsonObject root = new JsonObject();
        root.addProperty("protocol", protocolId);
        root.addProperty("command", reply.command().key());
        if (!reply.packs().isEmpty()) {
            JsonArray packs = new JsonArray();
            for (PackSnapshot p : reply.packs()) {
                packs.add(pack(p));
            }
            root.add("packs", packs);
        }
        if (!reply.identity().text().isEmpty()) {
            root.add("text", value(reply.identity().text()));
        }
        if (reply.parameters() != null) {
            JsonArray rows = new JsonArray();
            for (ParameterDefinition d : reply.parameters().definitions()) {
                JsonObject row = new JsonObject();
                row.addProperty("key", d.key());
                row.addProperty("label", d.label());
                row.addProperty("unit", d.unit());
                row.add("minimum", number(d.minimum()));
                row.add("maximum", number(d.maximum()));
                row.add("value", number(reply.parameters().value(d.key())));
                if (d.isChoice()) {
                    row.add("choices", value(d.choices()));
                }
                rows.add(row);
            }
            root.add("parameters", rows);
        }
        if (reply.clock() != null) {
            root.addProperty("clock", reply.clock().toString());
        }
        if (!reply.history().isEmpty()) {
            JsonArray rows = new JsonArray();
            for (HistoryRecord h : reply.history()) {
                JsonObject row = new JsonObject();
                row.addProperty("index", h.index());
                row.addProperty("time", h.time().toString());
                row.addProperty("mode", h.mode().name());
                row.add("values", pack(h.values()));
                rows.add(row);
            }
            root.add("history", rows);
        }
        if (!reply.alarms().isEmpty()) {
            JsonArray rows = new JsonArray();
            for (AlarmRecord a : reply.alarms()) {
                JsonObject row = new JsonObject();
                row.addProperty("index", a.index());
                row.addProperty("time", a.time().toString());
                row.addProperty("mode", a.mode().name());
                row.addProperty("code", a.code());
                row.add("values", pack(a.values()));
                rows.add(row);
            }
            root.add("alarmRecords", rows);
        }
        if (reply.error() != null) {
            JsonObject error = new JsonObject();
            error.addProperty("code", reply.error().code());
            error.addProperty("meaning", reply.error().meaning());
            root.add("error", error);
        }
        if (!reply.details().isEmpty()) {
            root.add("details", value(reply.details()));
        }
        return root;
    }

    /** One pack as a JSON object. */
    public static JsonObject pack(PackSnapshot p) {
        JsonObject m = new JsonObject();
        m.addProperty("address", p.address());
        if (p.cellCount() > 0) {
            m.add("cellVoltages", numbers(p.cellVoltages()));
        }
        if (p.temperatureCount() > 0) {
            m.add("temperatures", numbers(p.temperatures()));
        }
        for (Quantity q : LEADING) {
            if (p.has(q)) {
                m.add(q.key(), number(p.get(q)));
            }
        }
        for (Quantity q : Quantity.values()) {
            if (!LEADING.contains(q) && p.has(q)) {
                m.add(q.key(), number(p.get(q)));
            }
        }
        if (!p.balancing().isEmpty()) {
            JsonArray cells = new JsonArray();
            p.balancing().stream().forEach(i -> cells.add(i + 1));
            m.add("balancingCells", cells);
        }
        if (!p.reportedFlagCategories().isEmpty()) {
            JsonArray flags = new JsonArray();
            p.flags().stream().map(PackFlag::name).forEach(flags::add);
            m.add("flags", flags);
        }
        return m;
    }

    /** Maps, lists, strings, numbers and booleans as JSON, numbers as {@link #number}; anything else as its text. */
    public static JsonElement value(Object v) {
        return switch (v) {
            case null -> JsonNull.INSTANCE;
            case String s -> new JsonPrimitive(s);
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            case double[] a -> numbers(a);
            case java.util.Map<?, ?> map -> {
                JsonObject o = new JsonObject();
                map.forEach((k, x) -> o.add(String.valueOf(k), value(x)));
                yield o;
            }
            case java.util.Collection<?> list -> {
                JsonArray a = new JsonArray();
                list.forEach(x -> a.add(value(x)));
                yield a;
            }
            default -> new JsonPrimitive(v.toString());
        };
    }

    public static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /** A number as people write it; NaN and infinities (a value that is absent) are {@code null}. */
    public static JsonElement number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return JsonNull.INSTANCE;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return new JsonPrimitive((long) d);
        }
        return new JsonPrimitive(new BigDecimal(Double.toString(d)).stripTrailingZeros());
    }
}
