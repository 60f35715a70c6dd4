package org.bmsworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {

    @ParameterizedTest
    @CsvSource({ "0, 0 s", "-5, 0 s", "119, 119 s", "120, 2 min", "7199, 119 min", "7200, 2 h", "172799, 47 h",
            "172800, 2 d" })
    void picksAUnitThatKeepsTheNumberShort(long seconds, String expected) {
        assertEquals(expected, Ages.format(Duration.ofSeconds(seconds)));
    }

    @org.junit.jupiter.api.Test
    void nullIsBlank() {
        assertEquals("", Ages.format(null));
    }
}
