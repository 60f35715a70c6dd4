package org.bmsworkbench.ui.comm.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.FrameRecord.Direction;
import org.bmsworkbench.cli.json.ReplyJson;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/** The texts of the communication view's rows, and the decoding of a frame as {@code ./bmsw decode} does it. */
public final class FrameText {

    /** As ./bmsw decode prints it, indented for the panel. */
    private static final com.google.gson.Gson PRETTY = new com.google.gson.GsonBuilder().disableHtmlEscaping()
            .serializeNulls().setPrettyPrinting().create();

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private FrameText() {
    }

    /** The bytes as hex ({@code 01 03 00 10}), or as ASCII with the carriage return and other bytes as {@code \xNN}. */
    public static String frame(byte[] bytes, boolean ascii) {
        if (!ascii) {
            return Hex.spaced(bytes);
        }
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\r') {
                sb.append("\\r");
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }

    /** The row's cells: time, direction, bus, pack, frame, summary, outcome. */
    public static String[] row(FrameRecord r, boolean ascii) {
        return new String[] { TIME.format(r.time()), r.direction().name(), r.busId(), Integer.toString(r.address()),
                frame(r.bytes(), ascii), r.note(), CommFilter.Outcome.of(r).name() };
    }

    /**
     * Decodes a frame: a request as the protocol reads it; a reply with the request sent before it to the same pack
     * (from {@code before}, newest last) into the JSON {@code ./bmsw decode} prints; or why it cannot be decoded.
     */
    public static String decode(FrameRecord r, List<FrameRecord> before, String protocolId, ProtocolCatalog protocols) {
        Optional<BmsProtocol> found = protocols.find(protocolId);
        if (found.isEmpty()) {
            return "no protocol '" + protocolId + "' is installed to decode this frame";
        }
        BmsProtocol protocol = found.get();
        try {
            if (r.direction() == Direction.TX) {
                Request q = protocol.parseRequest(r.bytes());
                return protocol.id() + " request to pack " + q.address() + ": " + q.description() + " ("
                        + q.command() + ")";
            }
            if (r.length() == 0) {
                return "nothing was received (" + CommFilter.Outcome.of(r) + ")";
            }
            FrameRecord sent = null;
            for (int i = before.size() - 1; i >= 0 && sent == null; i--) {
                FrameRecord b = before.get(i);
                if (b.direction() == Direction.TX && b.busId().equals(r.busId()) && b.address() == r.address()
                        && !b.time().isAfter(r.time())) {
                    sent = b;
                }
            }
            if (sent == null) {
                return "the request before this reply is no longer in the record, so it cannot be decoded";
            }
            Request q = protocol.parseRequest(sent.bytes());
            Reply reply = protocol.decode(q, r.bytes());
            return PRETTY.toJson(ReplyJson.toObject(protocol.id(), reply));
        } catch (ProtocolException | IllegalArgumentException e) {
            return "not decoded: " + e.getMessage();
        }
    }

    /** Whether a protocol writes its frames as ASCII. */
    public static boolean ascii(ProtocolCatalog protocols, String protocolId) {
        return protocols.find(protocolId).map(p -> p.notation() == BmsProtocol.FrameNotation.ASCII).orElse(false);
    }
}
