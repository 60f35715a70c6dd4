package org.bmsworkbench.connection;

import java.util.List;

import org.bmsworkbench.protocol.ProtocolError;
import org.bmsworkbench.protocol.Reply;

/**
 * What one transaction came to: the decoded reply (or none after the last attempt timed out or failed), how
 * many attempts it took, every frame problem met on the way (dropped and counted, never decoded), and the
 * bytes and time it took on the line.
 *
 * @param reply         the reply, or null
 * @param failure       why the last attempt's frame was not a reply, or null (a reply, or the last attempt timed out)
 * @param attempts      1 + retries used
 * @param timeouts      attempts that ended with no whole frame in time
 * @param errors        frame problems the decoder dropped, in order
 * @param latencyNanos  from the last attempt's first byte sent to its reply's last byte read
 * @param bytesSent     every byte written, retries included
 * @param bytesReceived every byte read, noise included
 */
public record Outcome(Reply reply, ProtocolError failure, int attempts, int timeouts, List<ProtocolError> errors,
        long latencyNanos, long bytesSent, long bytesReceived) {

    public Outcome {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return reply != null;
    }

    /** No reply, and the last attempt heard no whole frame in time. */
    public boolean timedOut() {
        return reply == null && failure == null && attempts > 0 && timeouts > 0;
    }
}
