package org.bmsworkbench.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The state message and the Home Assistant configs, read back as JSON. */
class PackStateTest {

    private static PackSnapshot pack() {
        PackSnapshot.Builder b = PackSnapshot.builder(3).time(Instant.parse("2026-12-06T10:00:00Z"))
                .set(Quantity.VOLTAGE, 52.8).set(Quantity.CURRENT, -10.5).set(Quantity.SOC, 81)
                .cellCount(4).temperatureCount(3);
        double[] cells = { 3.301, 3.312, 3.298, Double.NaN };
        for (int i = 0; i < cells.length; i++) {
            b.cellVoltage(i, cells[i]);
        }
        b.temperature(0, 21.5).temperature(2, 23.0).balancing(1, true);
        b.reported(FlagCategory.ALARM).flag(PackFlag.CELL_OV, true).flag(PackFlag.CFET_ON, true);
        return b.build();
    }

    @Test
    void theStateCarriesValuesDerivedFiguresAndArraysWithNullForWhatIsMissing() {
        JsonObject o = JsonParser.parseString(PackState.text("bus-1", pack())).getAsJsonObject();
        assertEquals(52.8, o.get("voltage").getAsDouble());
        assertEquals(-554.4, o.get("power").getAsDouble(), 1e-9);
        assertFalse(o.has("soh"), "a value the pack did not report is left out");
        assertEquals(3.298, o.get("cell_min").getAsDouble());
        assertEquals(3.312, o.get("cell_max").getAsDouble());
        assertEquals(14.0, o.get("cell_spread").getAsDouble(), 1e-9);
        assertEquals(3, o.get("cell_min_index").getAsInt());
        assertEquals(4, o.getAsJsonArray("cells").size());
        assertTrue(o.getAsJsonArray("cells").get(3).isJsonNull(), "an unread cell is null, not 0");
        assertTrue(o.getAsJsonArray("temperatures").get(1).isJsonNull());
        assertEquals(21.5, o.get("temp_min").getAsDouble());
        assertEquals(23.0, o.get("temp_max").getAsDouble());
        assertEquals("[2]", o.getAsJsonArray("balancing").toString());
        assertEquals("[\"CELL_OV\"]", o.getAsJsonArray("alarms").toString());
        assertEquals("[]", o.getAsJsonArray("protections").toString());
        assertEquals("2026-12-06T10:00:00Z", o.get("time").getAsString());
    }

    @Test
    void discoveryGivesEachSensorItsClassAndUnitAndOneBinarySensorPerReportedFlag() {
        Topics topics = new Topics("site/bmsw", "homeassistant");
        JsonObject state = PackState.json("bus-1", pack());
        Set<String> sensors = Discovery.sensorKeys(state);
        List<Message> configs = new Discovery(topics, "test").configs("bus-1", 3, sensors, Set.of(FlagCategory.ALARM),
                "modbus-native", "/dev/ttyUSB0");
        Map<String, JsonObject> byTopic = configs.stream().collect(Collectors.toMap(Message::topic,
                m -> JsonParser.parseString(m.payload()).getAsJsonObject()));
        assertTrue(configs.stream().allMatch(Message::retained));
        JsonObject soc = byTopic.get("homeassistant/sensor/site_bmsw_bus-1_3/soc/config");
        assertEquals("battery", soc.get("device_class").getAsString());
        assertEquals("%", soc.get("unit_of_measurement").getAsString());
        assertEquals("site/bmsw/bus-1/3/state", soc.get("state_topic").getAsString());
        assertEquals("all", soc.get("availability_mode").getAsString());
        assertEquals(3, soc.getAsJsonArray("availability").size());
        JsonObject power = byTopic.get("homeassistant/sensor/site_bmsw_bus-1_3/power/config");
        assertEquals("power", power.get("device_class").getAsString());
        assertEquals("W", power.get("unit_of_measurement").getAsString());
        JsonObject spread = byTopic.get("homeassistant/sensor/site_bmsw_bus-1_3/cell_spread/config");
        assertEquals("mV", spread.get("unit_of_measurement").getAsString());
        assertTrue(spread.get("json_attributes_template").getAsString().contains("value_json.cells"));
        assertFalse(byTopic.containsKey("homeassistant/sensor/site_bmsw_bus-1_3/soh/config"), "soh was not reported");
        JsonObject ov = byTopic.get("homeassistant/binary_sensor/site_bmsw_bus-1_3/cell_ov/config");
        assertEquals("problem", ov.get("device_class").getAsString());
        assertEquals("site/bmsw/bus-1/3/alarm/CELL_OV", ov.get("state_topic").getAsString());
        assertFalse(byTopic.keySet().stream().anyMatch(t -> t.contains("cell_ovp")),
                "no protection sensors for a pack that does not report protections");
        long flags = PackFlag.values().length;
        assertTrue(configs.size() < sensors.size() + flags);
    }

    @Test
    void settingsRefuseWhatABrokerWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of("http://broker:1883"));
        assertThrows(IllegalArgumentException.class, () -> new MqttSettings("tcp://b:1883", "a/#", null, 1, null, "",
                "", null, true, null, 10));
        assertThrows(IllegalArgumentException.class, () -> new MqttSettings("tcp://b:1883", "bmsw", null, 3, null, "",
                "", null, true, null, 10));
        assertThrows(IllegalArgumentException.class, () -> new MqttSettings("tcp://b:1883", "bmsw", null, 1, null, "",
                "", java.nio.file.Path.of("ca.pem"), true, null, 10), "a CA file without TLS");
        assertTrue(MqttSettings.of("ssl://b:8883").tls());
    }

    @Test
    void theOutboxDropsTheOldestWhenFull() {
        Outbox o = new Outbox(2);
        o.add(new Message("a", "1", false));
        o.add(new Message("a", "2", false));
        o.add(new Message("a", "3", false));
        assertEquals(1, o.dropped());
        assertEquals("2", o.peek().payload());
        o.remove();
        assertEquals("3", o.peek().payload());
    }
}
