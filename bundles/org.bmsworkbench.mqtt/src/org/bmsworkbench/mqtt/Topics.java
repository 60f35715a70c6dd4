package org.bmsworkbench.mqtt;

import java.util.Locale;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;

/**
 * The topic layout (docs/headless.md): under the base topic, {@code status} for the publisher, then per bus
 * {@code <bus>/status} and per pack {@code <bus>/<address>/state}, {@code <bus>/<address>/status} and
 * {@code <bus>/<address>/alarm/<FLAG>} or {@code .../protection/<FLAG>}.
 */
public final class Topics {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String ON = "ON";
    public static final String OFF = "OFF";

    private final String base;
    private final String discoveryPrefix;

    public Topics(String base, String discoveryPrefix) {
        this.base = base;
        this.discoveryPrefix = discoveryPrefix;
    }

    public String base() {
        return base;
    }

    /** The publisher's availability: retained {@code online}, and its last will {@code offline}. */
    public String status() {
        return base + "/status";
    }

    public String bus(String busId) {
        return base + "/" + level(busId) + "/status";
    }

    public String pack(String busId, int address) {
        return base + "/" + level(busId) + "/" + address;
    }

    public String packStatus(String busId, int address) {
        return pack(busId, address) + "/status";
    }

    public String state(String busId, int address) {
        return pack(busId, address) + "/state";
    }

    public String flag(String busId, int address, PackFlag flag) {
        return pack(busId, address) + "/" + (flag.category() == FlagCategory.ALARM ? "alarm" : "protection") + "/"
                + flag.name();
    }

    /** Home Assistant's own availability, {@code online} when it (re)starts. */
    public String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    /** The discovery topic of one entity. */
    public String config(String component, String node, String object) {
        return discoveryPrefix + "/" + component + "/" + node + "/" + object + "/config";
    }

    /** Home Assistant's node id of a pack: letters, digits, _ and - only. */
    public String node(String busId, int address) {
        return id(base) + "_" + id(busId) + "_" + address;
    }

    /** Whether {@code flag} has a topic of its own (alarms and protections). */
    public static boolean published(PackFlag flag) {
        return flag.category() == FlagCategory.ALARM || flag.category() == FlagCategory.PROTECTION;
    }

    private static String level(String s) {
        return s.replace('/', '_').replace('+', '_').replace('#', '_');
    }

    static String id(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }
}
