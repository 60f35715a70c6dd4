package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame of {@code tests/golden-frames.txt} through {@code ./bmsw decode}, as a user decodes it: the output holds
 * the values listed there, and a frame marked {@code exit 2: <message>} is refused with status 2 and that one line.
 */
class GoldenFramesIT {

    private static final String REFUSED = "exit 2: ";

    static Stream<Arguments> frames() throws IOException {
        return Files.readAllLines(Bmsw.ROOT.resolve("tests/golden-frames.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\|", 4))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("frames")
    void decodes(String protocol, String request, String response, String expected) throws Exception {
        try (Bmsw.Run run = Bmsw.bmsw("decode", "decode", "--protocol", protocol, "--request", request, "--response",
                response)) {
            int status = run.waitFor(Duration.ofSeconds(60));
            String out = run.text().stripTrailing();
            if (expected.startsWith(REFUSED)) {
                assertEquals(2, status, "exit status; output: " + out);
                assertEquals("bmsw decode: " + expected.substring(REFUSED.length()), out);
            } else {
                assertEquals(0, status, "exit status; output: " + out);
                assertTrue(out.contains(expected), "expected '" + expected + "' in: " + out);
            }
        }
    }
}
