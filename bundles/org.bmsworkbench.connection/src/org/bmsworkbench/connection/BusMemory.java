package org.bmsworkbench.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The buses that were open when the workbench last ran, one spec a line in {@code <workspace>/.metadata/bmsw-buses}
 * ({@link BusSettings#toSpec()}), which the connection service reopens at the next start. An empty file means no bus
 * was open. Workspaces of earlier versions have {@code bmsw-last-bus} instead, the one bus opened last from the form;
 * it is read when there is no list yet. The buses opened lately, newest first, are kept in
 * {@code bmsw-recent-buses} for the Connection menu. Plain Java.
 */
public final class BusMemory {

    /** How many recent buses are kept. */
    public static final int RECENT = 8;

    private final Path file;
    private final Path recentFile;
    private final Path legacyFile;
    private final Consumer<String> warn;

    /** @param metadata the workspace's {@code .metadata} folder */
    public BusMemory(Path metadata, Consumer<String> warn) {
        this.file = metadata.resolve("bmsw-buses");
        this.legacyFile = metadata.resolve("bmsw-last-bus");
        this.recentFile = metadata.resolve("bmsw-recent-buses");
        this.warn = warn;
    }

    /** The specs remembered, in the order they were opened; empty when none is remembered at all. */
    public Optional<List<String>> recall() {
        for (Path f : List.of(file, legacyFile)) {
            try {
                if (Files.isRegularFile(f)) {
                    return Optional.of(Files.readAllLines(f).stream().map(String::trim).filter(l -> !l.isEmpty())
                            .toList());
                }
            } catch (IOException e) {
                warn.accept("cannot read the open buses from " + f + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Remembers exactly these buses as the open ones. */
    public void remember(List<String> specs) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, specs);
            Files.deleteIfExists(legacyFile);
        } catch (IOException e) {
            warn.accept("cannot remember the open buses in " + file + ": " + e.getMessage());
        }
    }

    /** The buses opened lately, newest first. */
    public List<String> recent() {
        try {
            if (Files.isRegularFile(recentFile)) {
                return Files.readAllLines(recentFile).stream().map(String::trim).filter(l -> !l.isEmpty())
                        .limit(RECENT).toList();
            }
        } catch (IOException e) {
            warn.accept("cannot read the recent buses from " + recentFile + ": " + e.getMessage());
        }
        return List.of();
    }

    /** Puts the spec first in the recent buses (once), dropping the oldest beyond {@link #RECENT}. */
    public void opened(String spec) {
        List<String> specs = new java.util.ArrayList<>(recent());
        specs.remove(spec);
        specs.add(0, spec);
        try {
            Files.createDirectories(recentFile.getParent());
            Files.write(recentFile, specs.subList(0, Math.min(RECENT, specs.size())));
        } catch (IOException e) {
            warn.accept("cannot remember the recent buses in " + recentFile + ": " + e.getMessage());
        }
    }
}
