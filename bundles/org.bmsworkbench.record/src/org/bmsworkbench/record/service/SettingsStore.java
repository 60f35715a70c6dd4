package org.bmsworkbench.record.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import org.bmsworkbench.record.Decimation;
import org.bmsworkbench.record.RecordingSettings;
import org.bmsworkbench.record.Retention;

/** Keeps the recording settings in {@code <workspace>/.metadata/recording.properties}. */
public final class SettingsStore {

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path file;
    private final RecordingSettings defaults;

    public SettingsStore(Path file, RecordingSettings defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    /** The saved settings; a missing file gives the defaults, a wrong value its default (and a log line). */
    public RecordingSettings load() {
        if (!Files.exists(file)) {
            return defaults;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e.getMessage() + "); using the defaults");
            return defaults;
        }
        RecordingSettings s = defaults;
        try {
            String folder = p.getProperty("folder");
            if (folder != null && !folder.isBlank()) {
                s = s.withFolder(Path.of(folder));
            }
            String decimation = p.getProperty("decimation");
            if (decimation != null) {
                s = s.withDecimation(Decimation.valueOf(decimation));
            }
            long maxBytes = Long.parseLong(p.getProperty("retention.maxBytes", "0"));
            long maxAgeHours = Long.parseLong(p.getProperty("retention.maxAgeHours", "0"));
            s = s.withRetention(new Retention(maxBytes, Duration.ofHours(maxAgeHours)));
            s = s.withAutoSaveRows(Integer.parseInt(
                    p.getProperty("autoSaveRows", Integer.toString(RecordingSettings.DEFAULT_AUTO_SAVE_ROWS))));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a value in " + file + " is wrong (" + e.getMessage()
                    + "); the values after it keep their defaults");
        }
        return s;
    }

    /** Saves settings (written to a temporary file first, so a crash never leaves half a file). */
    public void save(RecordingSettings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("folder", s.folder().toString());
        p.setProperty("decimation", s.decimation().name());
        p.setProperty("retention.maxBytes", Long.toString(s.retention().maxBytes()));
        p.setProperty("retention.maxAgeHours", Long.toString(s.retention().maxAge().toHours()));
        p.setProperty("autoSaveRows", Integer.toString(s.autoSaveRows()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "BMS Workbench recording settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
