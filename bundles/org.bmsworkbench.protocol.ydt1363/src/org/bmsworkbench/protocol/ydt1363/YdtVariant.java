package org.bmsworkbench.protocol.ydt1363;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;

/**
 * What makes one vendor's YD/T1363 dialect different from another's, read from a variant file in
 * {@code variants/}. The file format is described in {@code variants/README.md}; the codec itself is shared.
 */
final class YdtVariant {

    /** How a request's INFO is built: CID2 and the INFO tokens. */
    record RequestSpec(int cid2, List<String> info) {
    }

    /** One field of a text reply: name, and length in bytes (-1: to the end), or a version of n bytes. */
    record TextField(String name, int length, boolean version) {
    }

    /** A parameter row of the 47H/49H layout and how it is carried. */
    record ParameterField(ParameterDefinition definition, String encoding, double scale) {
    }

    final String id;
    final String name;
    final int version;
    final int cid1;
    final int temperatureOffset;
    final double cellVoltageScale;
    final double currentScale;
    final double voltageScale;
    final double capacityScale;
    final double capacity24Scale;
    final int minAddress;
    final int maxAddress;
    final Map<Integer, String> returnCodes = new HashMap<>();
    final Map<Command, RequestSpec> requests = new EnumMap<>(Command.class);
    final List<String> analogHeader;
    final Map<Integer, List<String>> userItems = new HashMap<>();
    final List<String> alarmHeader;
    final List<String> alarmTail;
    final Map<String, PackFlag[]> alarmBits = new HashMap<>();
    final List<TextField> manufacturer;
    final List<TextField> serial;
    final List<String> parametersHeader;
    final List<ParameterField> parameters = new ArrayList<>();
    final Map<ControlAction, byte[]> control = new EnumMap<>(ControlAction.class);
    final List<String> historyLayout;

    private YdtVariant(Properties p) {
        id = required(p, "id");
        name = required(p, "name");
        version = hexByte(p, "version");
        cid1 = hexByte(p, "cid1");
        temperatureOffset = integer(p, "temperatureOffset");
        cellVoltageScale = number(p, "cellVoltageScale");
        currentScale = number(p, "currentScale");
        voltageScale = number(p, "voltageScale");
        capacityScale = number(p, "capacityScale");
        capacity24Scale = Double.parseDouble(p.getProperty("capacity24Scale", p.getProperty("capacityScale")));
        minAddress = integer(p, "minAddress");
        maxAddress = integer(p, "maxAddress");
        analogHeader = tokens(p.getProperty("analog.header", "dataFlag address"));
        alarmHeader = tokens(p.getProperty("alarm.header", "dataFlag address"));
        alarmTail = tokens(p.getProperty("alarm.tail", ""));
        manufacturer = textFields(p.getProperty("manufacturer.layout", ""));
        serial = textFields(p.getProperty("serial.layout", ""));
        parametersHeader = tokens(p.getProperty("parameters.header", ""));
        historyLayout = tokens(p.getProperty("history.layout", ""));
        Map<Integer, ParameterField> rows = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("returnCode.")) {
                returnCodes.put(Integer.parseInt(key.substring(11), 16), value);
            } else if (key.startsWith("request.")) {
                List<String> t = tokens(value);
                requests.put(Command.valueOf(key.substring(8)),
                        new RequestSpec(Integer.parseInt(t.get(0), 16), t.subList(1, t.size())));
            } else if (key.startsWith("analog.userItems.")) {
                userItems.put(Integer.parseInt(key.substring(17)), tokens(value));
            } else if (key.startsWith("alarm.bits.")) {
                alarmBits.put(key.substring(11), bits(key, value));
            } else if (key.startsWith("parameter.")) {
                rows.put(Integer.parseInt(key.substring(10)), parameter(key, value));
            } else if (key.startsWith("control.")) {
                control.put(ControlAction.valueOf(key.substring(8)), java.util.HexFormat.of().parseHex(value));
            }
        }
        parameters.addAll(rows.values());
        for (String token : alarmTail) {
            if (token.startsWith("status:") && !alarmBits.containsKey(token.substring(7))) {
                throw new IllegalArgumentException(id + ": alarm.tail names " + token + " without alarm.bits");
            }
        }
    }

    static YdtVariant load(String id) {
        String resource = "/variants/" + id + ".properties";
        try (InputStream in = YdtVariant.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("variant file " + resource + " is missing from the bundle");
            }
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return new YdtVariant(p);
        } catch (IOException e) {
            throw new IllegalStateException("variant file " + resource + " cannot be read", e);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("variant property " + key + " is missing");
        }
        return v.trim();
    }

    private static int hexByte(Properties p, String key) {
        return Integer.parseInt(required(p, key), 16);
    }

    private static int integer(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(required(p, key));
    }

    static List<String> tokens(String value) {
        String v = value.trim();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    private static List<TextField> textFields(String value) {
        List<TextField> fields = new ArrayList<>();
        for (String token : tokens(value)) {
            String[] parts = token.split(":");
            String length = parts[1];
            boolean isVersion = length.startsWith("v");
            if (isVersion) {
                length = length.substring(1);
            }
            fields.add(new TextField(parts[0], length.equals("*") ? -1 : Integer.parseInt(length), isVersion));
        }
        return fields;
    }

    /** "0:PACK_OVP 1:CELL_UVP" into a flag per bit (null where the bit means nothing to us). */
    private static PackFlag[] bits(String key, String value) {
        PackFlag[] flags = new PackFlag[8];
        for (String token : tokens(value)) {
            String[] parts = token.split(":");
            int bit = Integer.parseInt(parts[0]);
            if (bit < 0 || bit > 7 || flags[bit] != null) {
                throw new IllegalArgumentException(key + ": bit " + bit + " is outside 0..7 or given twice");
            }
            flags[bit] = PackFlag.valueOf(parts[1]);
        }
        return flags;
    }

    /** "key | label | unit | encoding | scale | min | max". */
    private static ParameterField parameter(String key, String value) {
        String[] f = Arrays.stream(value.split("\\|")).map(String::trim).toArray(String[]::new);
        if (f.length != 7 && f.length != 9) {
            throw new IllegalArgumentException(key + ": a parameter row has 7 fields separated by |, or 9 with "
                    + "the section and the Chinese label");
        }
        double scale = Double.parseDouble(f[4]);
        double resolution = f[3].equals("kelvin") ? 0.1 : scale;
        ParameterDefinition d = ParameterDefinition.number(f[0], f[1], f[2], Double.parseDouble(f[5]),
                Double.parseDouble(f[6]), resolution);
        if (f.length == 9) {
            d = d.withPresentation(f[7], f[8]);
        }
        return new ParameterField(d, f[3], scale);
    }
}
