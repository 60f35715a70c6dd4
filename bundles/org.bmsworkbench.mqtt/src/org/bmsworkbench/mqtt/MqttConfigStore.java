package org.bmsworkbench.mqtt;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;

/**
 * Keeps the workbench's {@link MqttConfig} in a properties file. The broker password is kept in it too, so the
 * file is readable by its owner only (on POSIX file systems).
 */
public final class MqttConfigStore {

    private static final System.Logger LOG = System.getLogger(MqttConfigStore.class.getName());

    private final Path file;

    public MqttConfigStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The saved settings; a missing file gives the defaults, a wrong value its default (and a log line). */
    public MqttConfig load() {
        MqttConfig d = MqttConfig.defaults();
        if (!Files.exists(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e.getMessage() + "); MQTT stays off");
            return d;
        }
        try {
            String ca = p.getProperty("caFile", "");
            return new MqttConfig(Boolean.parseBoolean(p.getProperty("enabled", "false")), p.getProperty("url", d.url()),
                    p.getProperty("base", d.base()), p.getProperty("clientId", ""),
                    Integer.parseInt(p.getProperty("qos", Integer.toString(d.qos()))),
                    Duration.ofMillis(Long.parseLong(p.getProperty("intervalMillis", Long.toString(d.interval().toMillis())))),
                    p.getProperty("user", ""), p.getProperty("password", ""), ca.isBlank() ? null : Path.of(ca),
                    Boolean.parseBoolean(p.getProperty("discovery", "true")),
                    p.getProperty("discoveryPrefix", d.discoveryPrefix()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a value in " + file + " is wrong (" + e.getMessage()
                    + "); MQTT stays off until the settings are saved again");
            return d;
        }
    }

    /** Saves the settings (a temporary file first, so a crash never leaves half a file). */
    public void save(MqttConfig c) throws IOException {
        Properties p = new Properties();
        p.setProperty("enabled", Boolean.toString(c.enabled()));
        p.setProperty("url", c.url());
        p.setProperty("base", c.base());
        p.setProperty("clientId", c.clientId());
        p.setProperty("qos", Integer.toString(c.qos()));
        p.setProperty("intervalMillis", Long.toString(c.interval().toMillis()));
        p.setProperty("user", c.user());
        p.setProperty("password", c.password());
        p.setProperty("caFile", c.caFile() == null ? "" : c.caFile().toString());
        p.setProperty("discovery", Boolean.toString(c.discovery()));
        p.setProperty("discoveryPrefix", c.discoveryPrefix());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "BMS Workbench MQTT settings (holds the broker password: keep it private)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
