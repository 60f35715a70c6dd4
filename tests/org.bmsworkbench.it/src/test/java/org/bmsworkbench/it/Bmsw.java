package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The checkout under test and its materialized product, and processes started from them: {@code ./bmsw} commands
 * and the product itself. Every process writes to a file in {@code target/it}, so a failure message can show it.
 */
final class Bmsw {

    static final Path ROOT = Path.of(System.getProperty("bmsw.root", "../..")).toAbsolutePath().normalize();
    static final Path PRODUCT = ROOT.resolve(
            "releng/org.bmsworkbench.product/target/products/org.bmsworkbench.product/linux/gtk/x86_64/bmsworkbench");
    static final Path WORK = ROOT.resolve("tests/org.bmsworkbench.it/target/it");
    /** The JDK Maven runs these tests with; it also runs the product and the commands. */
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private Bmsw() {
    }

    /** A started process whose standard output and error go to one file. */
    record Run(Process process, Path output) implements AutoCloseable {

        String text() throws IOException {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        }

        /** Waits for the end and returns the exit status; kills the process after the timeout. */
        int waitFor(Duration timeout) throws IOException, InterruptedException, TimeoutException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new TimeoutException("no end after " + timeout + "; output:\n" + text());
            }
            return process.exitValue();
        }

        /** SIGTERM to the process and what it started, then SIGKILL to whatever is left after 10 s. */
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle p : all) {
                while (p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /**
     * Starts {@code ./bmsw} with these arguments. {@code BMSW_NO_BUILD=1}: the product was just built by this Maven
     * run, so the script must not start another build.
     */
    static Run bmsw(String name, Consumer<Map<String, String>> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("bmsw").toString());
        command.addAll(List.of(args));
        return start(name, command, env -> {
            env.put("BMSW_NO_BUILD", "1");
            env.put("JAVA_HOME", JAVA_HOME.toString());
            environment.accept(env);
        });
    }

    static Run bmsw(String name, String... args) throws IOException {
        return bmsw(name, env -> {
        }, args);
    }

    /** Starts the product as {@code ./bmsw} does, with {@code -consoleLog}, in the given workspace. */
    static Run product(String name, Path workspace) throws IOException {
        assertTrue(Files.isDirectory(PRODUCT.resolve("plugins")), "the product is materialized in " + PRODUCT);
        Path launcher;
        try (Stream<Path> plugins = Files.list(PRODUCT.resolve("plugins"))) {
            launcher = plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
                    .findFirst().orElseThrow(() -> new AssertionError("no equinox launcher in " + PRODUCT));
        }
        return start(name, List.of(JAVA_HOME.resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-jar", launcher.toString(), "-data", workspace.toString(), "-consoleLog"), env -> {
                });
    }

    static Run start(String name, List<String> command, Consumer<Map<String, String>> environment) throws IOException {
        assertTrue(Files.isDirectory(PRODUCT.resolve("plugins")), "the product is materialized in " + PRODUCT);
        Files.createDirectories(WORK);
        Path output = WORK.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        environment.accept(builder.environment());
        return new Run(builder.start(), output);
    }

    /** Runs a short command and returns its standard output, or "" when it failed or is not installed. */
    static String output(Duration timeout, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // not installed: the caller says what is missing
            return "";
        }
    }
}
