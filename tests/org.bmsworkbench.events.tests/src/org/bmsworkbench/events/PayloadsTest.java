package org.bmsworkbench.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PayloadsTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void busStatusRejectsBlankIdAndFillsOptionalTexts() {
        assertThrows(IllegalArgumentException.class, () -> new BusStatus(" ", "x", "p", BusState.OPEN, "", T));
        assertThrows(NullPointerException.class, () -> new BusStatus("b", "x", "p", null, "", T));
        BusStatus s = new BusStatus("bus-1", null, null, BusState.FAILED, null, T);
        assertEquals("", s.label());
        assertEquals("", s.protocol());
        assertEquals("", s.detail());
    }

    @Test
    void packStatusChecksAddressRange() {
        assertThrows(IllegalArgumentException.class, () -> new PackStatus("b", -1, PackLinkState.OFFLINE, null, T));
        assertThrows(IllegalArgumentException.class, () -> new PackStatus("b", 248, PackLinkState.OFFLINE, null, T));
        assertEquals(247, new PackStatus("b", 247, PackLinkState.OFFLINE, null, T).address());
        assertEquals(0, new PackStatus("b", 0, PackLinkState.OFFLINE, null, T).address());
    }

    @Test
    void onlinePackMustHaveAnswered() {
        assertThrows(IllegalArgumentException.class, () -> new PackStatus("b", 1, PackLinkState.ONLINE, null, T));
        new PackStatus("b", 1, PackLinkState.OFFLINE, null, T);
    }

    @Test
    void linkStatisticsCopiesAndValidatesCounters() {
        Map<LinkErrorKind, Long> errors = new EnumMap<>(LinkErrorKind.class);
        errors.put(LinkErrorKind.TIMEOUT, 3L);
        errors.put(LinkErrorKind.CHECKSUM, 2L);
        LinkStatistics stats = new LinkStatistics("b", 100, errors, Duration.ofMillis(12), T);
        errors.put(LinkErrorKind.ECHO, 9L);
        assertEquals(0, stats.errorCount(LinkErrorKind.ECHO), "later changes to the caller's map must not leak in");
        assertEquals(5, stats.totalErrors());
        assertThrows(UnsupportedOperationException.class, () -> stats.errors().put(LinkErrorKind.IO, 1L));
        Map<LinkErrorKind, Long> negative = new HashMap<>();
        negative.put(LinkErrorKind.IO, -1L);
        assertThrows(IllegalArgumentException.class, () -> new LinkStatistics("b", 0, negative, Duration.ZERO, T));
        assertThrows(IllegalArgumentException.class, () -> new LinkStatistics("b", -1, null, Duration.ZERO, T));
    }

    @Test
    void eventPropertiesCarryThePayloadUnderTheE4Key() {
        OverviewChanged payload = new OverviewChanged(7, T);
        Map<String, Object> props = EventProperties.of(payload);
        assertEquals(Map.of("org.eclipse.e4.data", payload), props);
        assertSame(payload, EventProperties.payload(props, OverviewChanged.class));
        assertNull(EventProperties.payload(props, BusStatus.class), "a payload of another type must not be cast");
        assertNull(EventProperties.payload(null, BusStatus.class));
        assertThrows(NullPointerException.class, () -> EventProperties.of(null));
    }

    @Test
    void onlyOpenBusesAreLive() {
        for (BusState s : BusState.values()) {
            assertEquals(s == BusState.OPEN, s.isLive(), s.name());
        }
    }

    @Test
    void aBusThatIsStillBeingOpenedIsRetryingNotFailed() {
        assertTrue(new BusStatus("b", "x", "p", BusState.RECONNECTING, "", T).retrying());
        assertTrue(new BusStatus("b", "x", "p", BusState.FAILED, "no such port (retrying)", T).retrying());
        org.junit.jupiter.api.Assertions.assertFalse(
                new BusStatus("b", "x", "p", BusState.FAILED, "no such port", T).retrying(), "given up");
        org.junit.jupiter.api.Assertions.assertFalse(new BusStatus("b", "x", "p", BusState.OPEN, "", T).retrying());
    }
}
