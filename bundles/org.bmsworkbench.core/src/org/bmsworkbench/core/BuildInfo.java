package org.bmsworkbench.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version and build id of the product, parsed from an OSGi bundle version such as
 * {@code 0.1.0.20261124-0215}: the qualifier is the build id Tycho stamped at build time.
 *
 * @param version release version, e.g. {@code 0.1.0}
 * @param buildId build id, e.g. {@code 20261124-0215}; {@code "development"} when the bundle was not built by
 *                the release build (its qualifier was left as the literal {@code qualifier})
 */
public record BuildInfo(String version, String buildId) {

    private static final Pattern OSGI_VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.([\\w-]+))?");

    /** Build id shown for bundles that were not stamped by the build. */
    public static final String DEVELOPMENT = "development";

    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildId, "buildId");
    }

    /**
     * Parses an OSGi version string.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static BuildInfo fromOsgiVersion(String osgiVersion) {
        Matcher m = OSGI_VERSION.matcher(osgiVersion == null ? "" : osgiVersion.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OSGi version: " + osgiVersion);
        }
        String version = m.group(1) + "." + orZero(m.group(2)) + "." + orZero(m.group(3));
        String qualifier = m.group(4);
        String build = qualifier == null || qualifier.isEmpty() || qualifier.equals("qualifier") ? DEVELOPMENT
                : qualifier;
        return new BuildInfo(version, build);
    }

    private static String orZero(String s) {
        return s == null ? "0" : s;
    }
}
