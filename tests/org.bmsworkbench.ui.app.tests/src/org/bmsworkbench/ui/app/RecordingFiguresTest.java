package org.bmsworkbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecordingFiguresTest {

    @Test
    void durationsReadLikeAClockWithDaysInFront() {
        assertEquals("00:00:00", RecordingFigures.duration(Duration.ZERO));
        assertEquals("01:02:03", RecordingFigures.duration(Duration.ofSeconds(3723)));
        assertEquals("3 d 00:00:01", RecordingFigures.duration(Duration.ofHours(72).plusSeconds(1)));
        assertEquals("00:00:00", RecordingFigures.duration(Duration.ofSeconds(-5)));
    }

    @Test
    void sizesUseBinaryUnitsWithOneDecimalBelowAHundred() {
        assertEquals("512 B", RecordingFigures.bytes(512));
        assertEquals("1.0 KB", RecordingFigures.bytes(1024));
        assertEquals("12.3 MB", RecordingFigures.bytes((long) (12.3 * 1024 * 1024)));
        assertEquals("250 GB", RecordingFigures.bytes(250L << 30));
    }
}
