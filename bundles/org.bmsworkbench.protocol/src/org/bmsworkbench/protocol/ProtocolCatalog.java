package org.bmsworkbench.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The protocols found on the class path through {@link ServiceLoader}, for tools that run without OSGi.
 * Inside the workbench, protocols are OSGi services instead.
 */
public final class ProtocolCatalog {

    /**
     * The protocol a bus, the simulator and the tools use when none is named, and whose parameter page the
     * simulated boards keep.
     */
    public static final String DEFAULT_PROTOCOL = "modbus-native";

    private final List<BmsProtocol> protocols;
    private final List<String> problems;

    public ProtocolCatalog(List<BmsProtocol> protocols) {
        this(protocols, List.of());
    }

    private ProtocolCatalog(List<BmsProtocol> protocols, List<String> problems) {
        List<BmsProtocol> sorted = new ArrayList<>(protocols);
        sorted.sort(Comparator.comparing(BmsProtocol::id));
        this.protocols = List.copyOf(sorted);
        this.problems = List.copyOf(problems);
    }

    /** Every protocol that loads; one that fails (a broken map file, say) is left out and named in {@link #problems()}. */
    public static ProtocolCatalog fromClassPath(ClassLoader loader) {
        List<BmsProtocol> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ServiceLoader.load(BmsProtocol.class, loader).stream().forEach(provider -> {
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(provider.type().getName() + ": " + cause.getMessage());
            }
        });
        return new ProtocolCatalog(found, problems);
    }

    /** Why protocols on the class path could not be loaded, one line each. */
    public List<String> problems() {
        return problems;
    }

    public List<BmsProtocol> all() {
        return protocols;
    }

    public Optional<BmsProtocol> find(String id) {
        return protocols.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
