package org.bmsworkbench.parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bmsworkbench.model.ParameterDefinition;

/**
 * A saved parameter set, as {@link ParameterFiles} reads and writes it (docs/parameter-files.md).
 *
 * @param formatVersion {@link #FORMAT_VERSION} for files this program writes
 * @param protocolId    the protocol whose page the values are, e.g. {@code modbus-native}
 * @param mapVersion    the fingerprint of that page ({@link #mapVersion(List)})
 * @param pack          the pack the values were saved from
 * @param savedAt       when
 * @param values        one entry per parameter, in page order
 */
public record ParameterFile(int formatVersion, String protocolId, String mapVersion, PackIdentity pack,
        Instant savedAt, List<Entry> values) {

    /** The version of the format this program writes; it reads this version only. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One parameter.
     *
     * @param key   the parameter's key
     * @param unit  its unit as the file's writer had it, empty for counts and choices
     * @param value the value in that unit (a choice's index)
     * @param text  the value as people read it (a choice's name), for information only
     */
    public record Entry(String key, String unit, double value, String text) {
    }

    public ParameterFile {
        values = List.copyOf(values);
        pack = pack == null ? PackIdentity.UNKNOWN : pack;
    }

    /**
     * The fingerprint of a page: {@code sha256:} and the first 16 hex digits of the SHA-256 of each row's key,
     * unit, range, resolution and choices in page order. It changes whenever the map changes a row, so a file of
     * another map version is noticed (its values are still imported by key).
     */
    public static String mapVersion(List<ParameterDefinition> definitions) {
        StringBuilder text = new StringBuilder();
        for (ParameterDefinition d : definitions) {
            text.append(d.key()).append('|').append(d.unit()).append('|').append(d.minimum()).append('|')
                    .append(d.maximum()).append('|').append(d.resolution()).append('|')
                    .append(String.join(",", d.choices())).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
