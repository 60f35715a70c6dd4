package org.bmsworkbench.connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.bmsworkbench.protocol.ProtocolCatalog;

/**
 * Everything needed to open one bus: the line, the protocol, and which packs to poll how.
 *
 * @param transport          the line
 * @param protocolId         the protocol every pack on the bus speaks
 * @param addresses          the packs' addresses (DIP switches), 1 to 16 of them, in poll order
 * @param timeoutMillis      per-request reply timeout; 0 takes the protocol's default
 * @param retries            retries of a request that timed out or came back damaged, 0..5
 * @param pollIntervalMillis least time between the starts of two polls of one pack; 0 polls as fast as the line allows
 * @param fullEvery          read cells and temperatures on every n-th poll of a pack, the fast summary on the others; 1 reads them on every poll
 * @param offlineAfter       consecutive failed polls after which a pack counts as offline and is backed off, 1..10
 */
public record BusSettings(Transport transport, String protocolId, List<Integer> addresses, int timeoutMillis,
        int retries, int pollIntervalMillis, int fullEvery, int offlineAfter) {

    /** The reference manual's "Pack quantity" goes up to 16 packs on one bus. */
    public static final int MAX_PACKS = 16;

    public BusSettings {
        Objects.requireNonNull(transport, "transport");
        if (protocolId == null || protocolId.isBlank()) {
            throw new IllegalArgumentException("no protocol chosen");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("no pack address given");
        }
        if (addresses.size() > MAX_PACKS) {
            throw new IllegalArgumentException(addresses.size() + " packs: a bus has at most " + MAX_PACKS);
        }
        if (new TreeSet<>(addresses).size() != addresses.size()) {
            throw new IllegalArgumentException("pack addresses " + addresses + " repeat an address");
        }
        for (int a : addresses) {
            if (a < 0 || a > 247) {
                throw new IllegalArgumentException("pack address " + a + " is outside 0..247");
            }
        }
        addresses = List.copyOf(addresses);
        if (timeoutMillis < 0 || timeoutMillis > 60_000) {
            throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is outside 0..60000 (0: the protocol's)");
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException(retries + " retries is outside 0..5");
        }
        if (pollIntervalMillis < 0 || pollIntervalMillis > 3_600_000) {
            throw new IllegalArgumentException("poll interval " + pollIntervalMillis + " ms is outside 0..3600000");
        }
        if (fullEvery < 1 || fullEvery > 1000) {
            throw new IllegalArgumentException("cells every " + fullEvery + " polls is outside 1..1000");
        }
        if (offlineAfter < 1 || offlineAfter > 10) {
            throw new IllegalArgumentException("offline after " + offlineAfter + " failed polls is outside 1..10");
        }
    }

    /** Packs at addresses first, first+1, ... with the usual timing: 1 retry, a poll a second, cells every poll. */
    public static BusSettings of(Transport transport, String protocolId, int packs, int firstAddress) {
        if (packs < 1 || packs > MAX_PACKS) {
            throw new IllegalArgumentException("pack quantity " + packs + " is outside 1.." + MAX_PACKS);
        }
        List<Integer> addresses = new ArrayList<>();
        for (int i = 0; i < packs; i++) {
            addresses.add(firstAddress + i);
        }
        return new BusSettings(transport, protocolId, addresses, 0, 1, 1000, 1, 3);
    }

    public BusSettings withTransport(Transport t) {
        return new BusSettings(t, protocolId, addresses, timeoutMillis, retries, pollIntervalMillis, fullEvery, offlineAfter);
    }

    public BusSettings withAddresses(List<Integer> a) {
        return new BusSettings(transport, protocolId, a, timeoutMillis, retries, pollIntervalMillis, fullEvery, offlineAfter);
    }

    public BusSettings withTiming(int timeout, int retryCount) {
        return new BusSettings(transport, protocolId, addresses, timeout, retryCount, pollIntervalMillis, fullEvery, offlineAfter);
    }

    public BusSettings withPollInterval(int millis) {
        return new BusSettings(transport, protocolId, addresses, timeoutMillis, retries, millis, fullEvery, offlineAfter);
    }

    public BusSettings withFullEvery(int n) {
        return new BusSettings(transport, protocolId, addresses, timeoutMillis, retries, pollIntervalMillis, n, offlineAfter);
    }

    public BusSettings withOfflineAfter(int n) {
        return new BusSettings(transport, protocolId, addresses, timeoutMillis, retries, pollIntervalMillis, fullEvery, n);
    }

    /**
     * Parses addresses as people write them: "1-8", "1,3,5", "2-4,9".
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<Integer> parseAddresses(String text) {
        List<Integer> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no pack address given");
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            try {
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from || to - from >= MAX_PACKS) {
                        throw new IllegalArgumentException("address range '" + p + "' must run upwards over at most "
                                + MAX_PACKS + " addresses");
                    }
                    for (int a = from; a <= to; a++) {
                        result.add(a);
                    }
                } else {
                    result.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pack address '" + p + "' is not a number or a range like 1-8", e);
            }
        }
        return result;
    }

    /** The options of the bus itself; each link provider adds its own ({@link LinkProvider#options()}). */
    private static final List<String> BUS_OPTIONS = List.of("protocol", "packs", "addresses", "timeout", "retries",
            "interval", "full-every");

    /**
     * Parses the one-line form used on the command line and in the launcher, with the link providers known in
     * this process ({@link LinkCatalog#known()}).
     *
     * @see #parse(String, LinkLookup)
     */
    public static BusSettings parse(String spec) {
        return parse(spec, LinkCatalog.known());
    }

    /**
     * Parses the one-line form used on the command line and in the launcher: a link's scheme and address, such as
     * {@code sim}, {@code serial:/dev/ttyUSB0} or {@code tcp:10.0.0.7:4196}, then options separated by commas: the
     * bus's own {@code protocol=}, {@code packs=} or {@code addresses=}, {@code timeout=}, {@code retries=},
     * {@code interval=}, {@code full-every=}, and the link's ({@code baud=}, {@code format=}, {@code cells=},
     * {@code temps=}, {@code speed=}, {@code seed=} ...). Example:
     * {@code serial:/dev/ttyUSB0,baud=9600,protocol=pylontech,packs=4}.
     *
     * @param links the link providers the scheme is looked up in
     * @throws IllegalArgumentException saying what is wrong, in one line
     */
    public static BusSettings parse(String spec, LinkLookup links) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty bus description");
        }
        List<LinkProvider> providers = links.all();
        Set<String> known = new HashSet<>(BUS_OPTIONS);
        providers.forEach(p -> known.addAll(p.options()));
        String[] parts = spec.trim().split(",");
        String line = parts[0].trim();
        Map<String, String> o = new LinkedHashMap<>();
        String previous = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0 && "addresses".equals(previous)) {
                // "addresses=1,3,5": the commas of an address list are not option separators
                o.put(previous, o.get(previous) + "," + p);
                continue;
            }
            if (eq <= 0) {
                throw new IllegalArgumentException("bus option '" + p + "' is not name=value");
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown bus option '" + key + "'");
            }
            o.put(key, p.substring(eq + 1).trim());
            previous = key;
        }
        int colon = line.indexOf(':');
        String address = colon < 0 ? null : line.substring(colon + 1);
        LinkProvider link = links.find(scheme(line))
                .filter(p -> address != null || !p.usage().startsWith(p.scheme() + ":"))
                .orElseThrow(() -> new IllegalArgumentException("bus '" + line + "': " + usages(providers)));
        Transport t = link.parse(address, o);
        if (!o.containsKey("packs") && !o.containsKey("addresses")) {
            link.packs(address).ifPresent(n -> o.put("packs", n));
        }
        List<Integer> addresses = o.containsKey("addresses") ? parseAddresses(o.get("addresses"))
                : of(t, "x", intOption(o, "packs", 1), 1).addresses();
        BusSettings s = new BusSettings(t, o.getOrDefault("protocol", ProtocolCatalog.DEFAULT_PROTOCOL), addresses, 0,
                1, 1000, 1, 3);
        return s.withTiming(intOption(o, "timeout", 0), intOption(o, "retries", 1))
                .withPollInterval(intOption(o, "interval", 1000)).withFullEvery(intOption(o, "full-every", 1));
    }

    /** The scheme a spec starts with: {@code serial} of {@code serial:/dev/ttyUSB0,baud=9600}. */
    public static String scheme(String spec) {
        String line = spec == null ? "" : spec.trim().split(",", 2)[0].trim();
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    /** "sim, serial:<port> or tcp:<host>:<port>": simulated links first, then by scheme. */
    private static String usages(List<LinkProvider> providers) {
        List<String> u = providers.stream()
                .sorted(Comparator.comparing((LinkProvider p) -> !p.simulated()).thenComparing(LinkProvider::scheme))
                .map(LinkProvider::usage).toList();
        if (u.isEmpty()) {
            return "no link type is installed";
        }
        return u.size() == 1 ? u.get(0) : String.join(", ", u.subList(0, u.size() - 1)) + " or " + u.get(u.size() - 1);
    }

    /** The one-line form {@link #parse} reads back, e.g. to remember the last bus. */
    public String toSpec() {
        StringBuilder s = new StringBuilder(transport.spec());
        s.append(",protocol=").append(protocolId).append(",addresses=");
        for (int i = 0; i < addresses.size(); i++) {
            s.append(i == 0 ? "" : ",").append(addresses.get(i));
        }
        s.append(",timeout=").append(timeoutMillis).append(",retries=").append(retries).append(",interval=")
                .append(pollIntervalMillis).append(",full-every=").append(fullEvery);
        return s.toString();
    }

    /**
     * A whole-number spec option, or {@code fallback} when it is not given.
     *
     * @throws IllegalArgumentException "bus option key=v is not a whole number"
     */
    public static int intOption(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bus option " + key + "=" + v + " is not a whole number", e);
        }
    }

    /**
     * A number spec option, or {@code fallback} when it is not given.
     *
     * @throws IllegalArgumentException "bus option key=v is not a number"
     */
    public static double doubleOption(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bus option " + key + "=" + v + " is not a number", e);
        }
    }
}
