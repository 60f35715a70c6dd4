package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materialized product as a user starts it. */
class ProductSmokeIT {

    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ERROR_ENTRY = Pattern.compile("^!ENTRY \\S+ 4 ", Pattern.MULTILINE);

    @Test
    void withoutADisplayBmswSaysSoInOneLine() throws Exception {
        try (Bmsw.Run run = Bmsw.bmsw("bmsw-no-display", env -> {
            env.remove("DISPLAY");
            env.remove("WAYLAND_DISPLAY");
        })) {
            int status = run.waitFor(Duration.ofSeconds(30));
            String out = run.text();
            List<String> lines = out.lines().toList();
            assertNotEquals(0, status, "exit status of ./bmsw without a display; it printed: " + out);
            assertEquals(1, lines.size(), "./bmsw without a display prints one line, not: " + out);
            assertTrue(lines.get(0).contains("no display"), "the line says there is no display: " + out);
        }
    }

    /**
     * Starts the product in a fresh workspace, waits for its window, checks that nothing was logged as an error at
     * start and that the connection service polls the simulated bus: pack 8's answers are in the communication record.
     */
    @Test
    void theProductOpensItsWindowAndPollsTheSimulatedBus(@TempDir Path data) throws Exception {
        String display = System.getenv("DISPLAY");
        assertTrue(display != null && !display.isEmpty(),
                "a display to open the window on: run ./bmsw test, which starts Xvfb, or set DISPLAY");
        assertFalse(Bmsw.output(Duration.ofSeconds(5), "xdotool", "version").isEmpty(),
                "xdotool finds the window: apt-get install xdotool (.ci/run installs it)");
        Path workspace = data.resolve("ws");
        try (Bmsw.Run product = Bmsw.product("product", workspace)) {
            String window = "";
            long deadline = System.nanoTime() + WINDOW_TIMEOUT.toNanos();
            while (window.isEmpty() && System.nanoTime() < deadline) {
                if (!product.process().isAlive()) {
                    fail("the product ended with status " + product.process().exitValue() + " before its window opened:\n"
                            + product.text());
                }
                window = Bmsw.output(Duration.ofSeconds(5), "xdotool", "search", "--name", "^BMS Workbench").trim();
                if (window.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            assertFalse(window.isEmpty(), "the window 'BMS Workbench' opened within " + WINDOW_TIMEOUT.toSeconds()
                    + " s; console:\n" + product.text());

            Path log = workspace.resolve(".metadata/.log");
            String errors = Files.exists(log) ? Files.readString(log) : "";
            assertFalse(ERROR_ENTRY.matcher(errors).find(), "no error logged at start in " + log + ":\n" + errors);

            Path comm = workspace.resolve(".metadata/comm/comm.log");
            boolean polled = false;
            deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
            while (!polled && System.nanoTime() < deadline) {
                polled = Files.exists(comm) && Files.readString(comm).contains(" RX 8 ok ");
                if (!polled) {
                    Thread.sleep(500);
                }
            }
            assertTrue(polled, "pack 8 of the simulated bus answered within " + POLL_TIMEOUT.toSeconds() + " s ("
                    + comm + "); console:\n" + product.text());
        }
    }
}
