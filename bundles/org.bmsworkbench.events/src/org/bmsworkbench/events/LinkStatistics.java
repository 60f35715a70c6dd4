package org.bmsworkbench.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Payload of {@link BmsTopics#BUS_LINK_STATISTICS}: counters since the bus was opened.
 *
 * @param busId         bus they belong to
 * @param framesOk      answers that decoded and were used
 * @param errors        failed exchanges by kind; kinds that never happened may be missing
 * @param meanLatency   mean time from the end of a request to the end of its answer
 * @param time          when the counters were read
 */
public record LinkStatistics(String busId, long framesOk, Map<LinkErrorKind, Long> errors, Duration meanLatency,
        Instant time) {

    public LinkStatistics {
        Checks.busId(busId);
        if (framesOk < 0) {
            throw new IllegalArgumentException("framesOk must not be negative");
        }
        EnumMap<LinkErrorKind, Long> copy = new EnumMap<>(LinkErrorKind.class);
        if (errors != null) {
            errors.forEach((kind, count) -> {
                if (count == null || count < 0) {
                    throw new IllegalArgumentException("error count of " + kind + " must be a non-negative number");
                }
                copy.put(Objects.requireNonNull(kind, "error kind"), count);
            });
        }
        errors = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(meanLatency, "meanLatency");
        Objects.requireNonNull(time, "time");
    }

    /** Count of one error kind, 0 when it never happened. */
    public long errorCount(LinkErrorKind kind) {
        return errors.getOrDefault(kind, 0L);
    }

    /** All failed exchanges. */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
