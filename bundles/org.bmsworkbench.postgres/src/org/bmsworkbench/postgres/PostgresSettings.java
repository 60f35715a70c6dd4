package org.bmsworkbench.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the PostgreSQL sink writes.
 *
 * @param url        a JDBC URL, {@code jdbc:postgresql://host:5432/database}; it may carry user and password
 * @param user       user name, empty to use the URL's or the driver's default
 * @param password   password, empty for none
 * @param capacity   rows kept while the server is unreachable; beyond it snapshots are skipped and counted
 * @param decimation the least time between two kept snapshots of one pack (zero: every snapshot)
 */
public record PostgresSettings(String url, String user, String password, int capacity, Duration decimation) {

    public static final int DEFAULT_CAPACITY = 100_000;

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("PostgreSQL " + url + ": a JDBC URL, jdbc:postgresql://host:5432/database");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (capacity < 1) {
            throw new IllegalArgumentException("PostgreSQL buffer " + capacity + ": at least 1 row");
        }
        decimation = decimation == null ? Duration.ZERO : decimation;
    }

    /** The URL without a password, for logs. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
