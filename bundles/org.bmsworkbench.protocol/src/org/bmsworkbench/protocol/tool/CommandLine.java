package org.bmsworkbench.protocol.tool;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.bmsworkbench.protocol.ProtocolCatalog;

/**
 * The start of every {@code bmsw} command-line tool: UTF-8 standard output and error, the protocols on the
 * class path, and the process's exit status from the tool's result.
 */
public final class CommandLine {

    /** A tool that has its streams and protocols: runs with the arguments and returns the exit status. */
    @FunctionalInterface
    public interface Tool {
        int run(String[] args);
    }

    /** Makes a tool from what {@link #exit} prepares; tests make tools with their own streams and catalog. */
    @FunctionalInterface
    public interface Factory {
        Tool create(ProtocolCatalog catalog, PrintStream out, PrintStream err);
    }

    private CommandLine() {
    }

    /** Runs the tool and exits the JVM with its status. */
    public static void exit(Class<?> tool, Factory factory, String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ProtocolCatalog catalog = ProtocolCatalog.fromClassPath(tool.getClassLoader());
        Runtime.getRuntime().exit(factory.create(catalog, out, err).run(args));
    }
}
