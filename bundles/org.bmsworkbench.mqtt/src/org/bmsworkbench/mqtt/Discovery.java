package org.bmsworkbench.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.Quantity;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Home Assistant MQTT discovery: one device per pack, a sensor per value of its state message with the right
 * {@code device_class}, {@code state_class} and unit, and a binary sensor ({@code problem}) per alarm and
 * protection flag of the groups the pack reports. Every entity is available only while the publisher, the bus
 * and the pack all are ({@code availability_mode: all}). Config messages are retained.
 */
public final class Discovery {

    /** How Home Assistant shows one value of the state message. */
    record Sensor(String key, String name, String deviceClass, String stateClass, String unit) {
    }

    private static final Map<String, Sensor> SENSORS = new LinkedHashMap<>();

    static {
        for (Quantity q : Quantity.values()) {
            // the pack's own min/max cell figures are the same as the derived ones below; one sensor each is enough
            if (q == Quantity.MIN_CELL_VOLTAGE || q == Quantity.MAX_CELL_VOLTAGE) {
                continue;
            }
            add(new Sensor(PackState.key(q), name(q), deviceClass(q), stateClass(q), unit(q)));
        }
        add(new Sensor(PackState.POWER, "Power", "power", "measurement", "W"));
        add(new Sensor(PackState.CELL_MIN, "Cell min", "voltage", "measurement", "V"));
        add(new Sensor(PackState.CELL_MAX, "Cell max", "voltage", "measurement", "V"));
        add(new Sensor(PackState.CELL_SPREAD, "Cell spread", "voltage", "measurement", "mV"));
        add(new Sensor(PackState.TEMP_MIN, "Temperature min", "temperature", "measurement", "\u00b0C"));
        add(new Sensor(PackState.TEMP_MAX, "Temperature max", "temperature", "measurement", "\u00b0C"));
    }

    private static void add(Sensor s) {
        SENSORS.put(s.key(), s);
    }

    private static final Gson GSON = new Gson();

    private final Topics topics;
    private final String origin;

    public Discovery(Topics topics, String origin) {
        this.topics = topics;
        this.origin = origin;
    }

    /** The sensor keys a state message announces: those of its keys Home Assistant shows. */
    public static Set<String> sensorKeys(JsonObject state) {
        Set<String> keys = new java.util.TreeSet<>();
        for (String k : state.keySet()) {
            if (SENSORS.containsKey(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * The config messages of one pack.
     *
     * @param sensors    the sensor keys its state message carries ({@link #sensorKeys})
     * @param categories the flag groups it reports (alarm and protection get binary sensors)
     * @param protocol   shown as the device's model
     */
    public List<Message> configs(String busId, int address, Set<String> sensors, Set<FlagCategory> categories,
            String protocol, String busLabel) {
        String node = topics.node(busId, address);
        JsonObject device = new JsonObject();
        JsonArray ids = new JsonArray();
        ids.add(node);
        device.add("identifiers", ids);
        device.addProperty("name", "Battery pack " + address + " (" + busId + ")");
        device.addProperty("manufacturer", "BMS Workbench");
        device.addProperty("model", protocol == null || protocol.isBlank() ? "BMS" : protocol);
        if (busLabel != null && !busLabel.isBlank()) {
            // where the pack hangs: the port, gateway or "Simulated bus", in the device page
            device.addProperty("hw_version", busLabel);
        }
        JsonArray availability = new JsonArray();
        for (String t : List.of(topics.status(), topics.bus(busId), topics.packStatus(busId, address))) {
            JsonObject a = new JsonObject();
            a.addProperty("topic", t);
            availability.add(a);
        }
        List<Message> out = new ArrayList<>();
        String state = topics.state(busId, address);
        for (Sensor s : SENSORS.values()) {
            if (!sensors.contains(s.key())) {
                continue;
            }
            JsonObject c = common(node, s.key(), s.name(), device, availability);
            c.addProperty("state_topic", state);
            c.addProperty("value_template", "{{ value_json." + s.key() + " }}");
            if (s.deviceClass() != null) {
                c.addProperty("device_class", s.deviceClass());
            }
            c.addProperty("state_class", s.stateClass());
            if (!s.unit().isEmpty()) {
                c.addProperty("unit_of_measurement", s.unit());
            }
            if (s.key().equals(PackState.CELL_SPREAD)) {
                // the cells as attributes of one sensor instead of 176 entities
                c.addProperty("json_attributes_topic", state);
                c.addProperty("json_attributes_template", "{{ {'cells': value_json.cells, 'temperatures':"
                        + " value_json.temperatures, 'balancing': value_json.balancing,"
                        + " 'cell_min_index': value_json.cell_min_index, 'cell_max_index': value_json.cell_max_index}"
                        + " | tojson }}");
            }
            out.add(new Message(topics.config("sensor", node, s.key()), GSON.toJson(c), true));
        }
        for (PackFlag f : PackFlag.values()) {
            if (!Topics.published(f) || !categories.contains(f.category())) {
                continue;
            }
            String object = f.name().toLowerCase(java.util.Locale.ROOT);
            String kind = f.category() == FlagCategory.ALARM ? "Alarm" : "Protection";
            JsonObject c = common(node, object, kind + " " + f.name(), device, availability);
            c.addProperty("state_topic", topics.flag(busId, address, f));
            c.addProperty("payload_on", Topics.ON);
            c.addProperty("payload_off", Topics.OFF);
            c.addProperty("device_class", "problem");
            out.add(new Message(topics.config("binary_sensor", node, object), GSON.toJson(c), true));
        }
        return out;
    }

    private JsonObject common(String node, String object, String name, JsonObject device, JsonArray availability) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("unique_id", node + "_" + object);
        c.add("device", device);
        c.add("availability", availability);
        c.addProperty("availability_mode", "all");
        c.addProperty("payload_available", Topics.ONLINE);
        c.addProperty("payload_not_available", Topics.OFFLINE);
        JsonObject o = new JsonObject();
        o.addProperty("name", origin);
        c.add("origin", o);
        return c;
    }

    private static String name(Quantity q) {
        String k = PackState.key(q).replace('_', ' ');
        return switch (q) {
            case SOC -> "State of charge";
            case SOH -> "State of health";
            default -> Character.toUpperCase(k.charAt(0)) + k.substring(1);
        };
    }

    private static String deviceClass(Quantity q) {
        return switch (q.unit()) {
            case "V" -> "voltage";
            case "A" -> "current";
            case "\u00b0C" -> "temperature";
            case "kWh" -> "energy";
            case "%" -> q == Quantity.SOC ? "battery" : null;
            default -> null;
        };
    }

    private static String stateClass(Quantity q) {
        return switch (q) {
            case CYCLES, DISCHARGED_CAPACITY_TOTAL, DISCHARGED_ENERGY_TOTAL -> "total_increasing";
            default -> "measurement";
        };
    }

    private static String unit(Quantity q) {
        return q.unit();
    }
}
