package org.bmsworkbench.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.protocol.ProtocolError;

/** The link counters of one bus since it was opened. Thread-safe: the bus writes, anyone reads. */
public final class LinkCounters {

    private long framesOk;
    private final Map<LinkErrorKind, Long> errors = new EnumMap<>(LinkErrorKind.class);
    private long latencyNanos;
    private long latencyCount;
    private long bytesSent;
    private long bytesReceived;
    private long revision;

    /** Counts what one transaction came to. */
    public synchronized void add(Outcome o) {
        revision++;
        bytesSent += o.bytesSent();
        bytesReceived += o.bytesReceived();
        for (ProtocolError e : o.errors()) {
            errors.merge(FrameTap.kindOf(e), 1L, Long::sum);
        }
        if (o.timeouts() > 0) {
            errors.merge(LinkErrorKind.TIMEOUT, (long) o.timeouts(), Long::sum);
        }
        if (o.ok()) {
            if (o.reply().isError()) {
                errors.merge(LinkErrorKind.DEVICE_ERROR, 1L, Long::sum);
            } else {
                framesOk++;
                latencyNanos += o.latencyNanos();
                latencyCount++;
            }
        }
    }

    /** Counts a failure of the port itself. */
    public synchronized void io() {
        revision++;
        errors.merge(LinkErrorKind.IO, 1L, Long::sum);
    }

    public synchronized long revision() {
        return revision;
    }

    public synchronized long bytesSent() {
        return bytesSent;
    }

    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    public synchronized LinkStatistics snapshot(String busId, Instant time) {
        Duration mean = latencyCount == 0 ? Duration.ZERO : Duration.ofNanos(latencyNanos / latencyCount);
        return new LinkStatistics(busId, framesOk, errors, mean, time);
    }
}
