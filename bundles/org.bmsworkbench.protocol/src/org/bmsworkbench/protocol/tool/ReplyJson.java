package org.bmsworkbench.protocol.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Reply;

/**
 * The JSON form of a decoded reply shared by {@code bmsw decode} and {@code bmsw poll}: what the frame did
 * not carry is left out; units are those of {@link Quantity}.
 */
public final class ReplyJson {

    /** Keys written first, in this order, when present. */
    private static final List<Quantity> LEADING = List.of(Quantity.CURRENT, Quantity.VOLTAGE,
            Quantity.REMAINING_CAPACITY, Quantity.FULL_CAPACITY, Quantity.DESIGN_CAPACITY, Quantity.SOC, Quantity.SOH,
            Quantity.CYCLES, Quantity.PORT_VOLTAGE);

    private ReplyJson() {
    }

    public static String toJson(String protocolId, Reply reply) {
        return Json.write(toMap(protocolId, reply));
    }

    public static Map<String, Object> toMap(String protocolId, Reply reply) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("protocol", protocolId);
        root.put("command", reply.command().key());
        if (!reply.packs().isEmpty()) {
            List<Object> packs = new ArrayList<>();
            for (PackSnapshot p : reply.packs()) {
                packs.add(pack(p));
            }
            root.put("packs", packs);
        }
        if (!reply.identity().text().isEmpty()) {
            root.put("text", reply.identity().text());
        }
        if (reply.parameters() != null) {
            List<Object> rows = new ArrayList<>();
            for (ParameterDefinition d : reply.parameters().definitions()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", d.key());
                row.put("label", d.label());
                row.put("unit", d.unit());
                row.put("minimum", d.minimum());
                row.put("maximum", d.maximum());
                row.put("value", reply.parameters().value(d.key()));
                if (d.isChoice()) {
                    row.put("choices", d.choices());
                }
                rows.add(row);
            }
            root.put("parameters", rows);
        }
        if (reply.clock() != null) {
            root.put("clock", reply.clock().toString());
        }
        if (!reply.history().isEmpty()) {
            List<Object> rows = new ArrayList<>();
            for (HistoryRecord h : reply.history()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", h.index());
                row.put("time", h.time().toString());
                row.put("mode", h.mode().name());
                row.put("values", pack(h.values()));
                rows.add(row);
            }
            root.put("history", rows);
        }
        if (!reply.alarms().isEmpty()) {
            List<Object> rows = new ArrayList<>();
            for (AlarmRecord a : reply.alarms()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", a.index());
                row.put("time", a.time().toString());
                row.put("mode", a.mode().name());
                row.put("code", a.code());
                row.put("values", pack(a.values()));
                rows.add(row);
            }
            root.put("alarmRecords", rows);
        }
        if (reply.error() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", reply.error().code());
            error.put("meaning", reply.error().meaning());
            root.put("error", error);
        }
        if (!reply.details().isEmpty()) {
            root.put("details", reply.details());
        }
        return root;
    }

    /** One pack as a JSON object. */
    public static Map<String, Object> pack(PackSnapshot p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", p.address());
        if (p.cellCount() > 0) {
            m.put("cellVoltages", p.cellVoltages());
        }
        if (p.temperatureCount() > 0) {
            m.put("temperatures", p.temperatures());
        }
        for (Quantity q : LEADING) {
            if (p.has(q)) {
                m.put(q.key(), p.get(q));
            }
        }
        for (Quantity q : Quantity.values()) {
            if (!LEADING.contains(q) && p.has(q)) {
                m.put(q.key(), p.get(q));
            }
        }
        if (!p.balancing().isEmpty()) {
            m.put("balancingCells", p.balancing().stream().map(i -> i + 1).boxed().toList());
        }
        if (!p.reportedFlagCategories().isEmpty()) {
            m.put("flags", p.flags().stream().map(PackFlag::name).toList());
        }
        return m;
    }
}
