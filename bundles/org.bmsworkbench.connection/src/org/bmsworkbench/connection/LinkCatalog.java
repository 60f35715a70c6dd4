package org.bmsworkbench.connection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Link providers found on a class path through {@link ServiceLoader}, as {@code ProtocolCatalog} finds protocols,
 * and the process-wide set of known providers ({@link #known()}): those registered at run time (inside the
 * workbench, the connection service registers every {@link LinkProvider} service it binds), then those on the
 * connection bundle's class path, then the built-in serial and TCP links.
 */
public final class LinkCatalog implements LinkLookup {

    private static final List<LinkProvider> REGISTERED = new CopyOnWriteArrayList<>();
    private static volatile LinkCatalog ownClassPath;

    private final List<LinkProvider> providers;
    private final List<String> problems;

    private LinkCatalog(List<LinkProvider> providers, List<String> problems) {
        this.providers = distinct(providers);
        this.problems = List.copyOf(problems);
    }

    /** Every provider that loads; one that fails is left out and named in {@link #problems()}. */
    public static LinkCatalog fromClassPath(ClassLoader loader) {
        List<LinkProvider> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ServiceLoader.load(LinkProvider.class, loader).stream().forEach(provider -> {
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(provider.type().getName() + ": " + cause.getMessage());
            }
        });
        return new LinkCatalog(found, problems);
    }

    /** Why providers on the class path could not be loaded, one line each. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public List<LinkProvider> all() {
        return providers;
    }

    /** The providers known now: registered ones first, then the connection bundle's class path, then serial and TCP. */
    public static LinkLookup known() {
        return () -> {
            List<LinkProvider> all = new ArrayList<>(REGISTERED);
            all.addAll(ownClassPath().all());
            all.add(new SerialLinkProvider());
            all.add(new TcpLinkProvider());
            return distinct(all);
        };
    }

    /** A provider registered until the returned registration is closed; it comes before any other of its scheme. */
    public static Registration register(LinkProvider provider) {
        REGISTERED.add(0, provider);
        return () -> unregister(provider);
    }

    public static void unregister(LinkProvider provider) {
        REGISTERED.remove(provider);
    }

    /** Ends a {@link #register} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static LinkCatalog ownClassPath() {
        LinkCatalog c = ownClassPath;
        if (c == null) {
            c = fromClassPath(LinkCatalog.class.getClassLoader());
            ownClassPath = c;
        }
        return c;
    }

    static List<LinkProvider> distinct(Collection<? extends LinkProvider> providers) {
        Map<String, LinkProvider> byScheme = new LinkedHashMap<>();
        for (LinkProvider p : providers) {
            byScheme.putIfAbsent(p.scheme(), p);
        }
        return List.copyOf(byScheme.values());
    }
}
