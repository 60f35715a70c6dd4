package org.bmsworkbench.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bmsworkbench.protocol.device.BoardResult;

/** A board's identity and product texts; the host may write the product information and the bar code. */
final class BoardTexts {

    private static final Set<String> WRITABLE = Set.of("manufacturer", "model", "productVersion",
            "batteryType", "serialNumber", "remarks", "barCode");

    private final Map<String, String> texts = new HashMap<>();

    /** The texts of a new board; its serial number is drawn from {@code random}. */
    BoardTexts(PackSpec spec, Random random) {
        int n = spec.cells();
        int m = spec.sensors();
        texts.put("manufacturer", "BMS Workbench");
        texts.put("model", "SIM-" + n + "S" + m + "T");
        texts.put("deviceName", ("SIM" + n + "S").substring(0, Math.min(10, ("SIM" + n + "S").length())));
        texts.put("productVersion", "1.0");
        texts.put("batteryType", spec.chemistry() == Chemistry.LFP ? "LiFePO4" : "NMC");
        String serial = String.format("SIM%03d%06d", spec.address(), random.nextInt(1_000_000));
        texts.put("serialNumber", serial);
        texts.put("remarks", "");
        texts.put("barCode", String.format("BW%dS%d-%06d", n, m, Math.floorMod(serial.hashCode(), 1_000_000)));
        texts.put("softwareVersion", "NB176-1.04.2");
        texts.put("hardwareVersion", "NB176S33-R3");
        texts.put("protocolVersion", "1.0");
    }

    String get(String name) {
        return texts.getOrDefault(name, "");
    }

    /** Printable ASCII, at most 30 characters, and only the texts a host may write. */
    BoardResult set(String name, String value) {
        if (!WRITABLE.contains(name)) {
            return BoardResult.NOT_ALLOWED;
        }
        if (value.length() > 30 || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return BoardResult.INVALID_VALUE;
        }
        texts.put(name, value);
        return BoardResult.DONE;
    }

    /** A restart into new firmware reports the new version. */
    void softwareVersion(String version) {
        texts.put("softwareVersion", version);
    }
}
