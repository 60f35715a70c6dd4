package org.bmsworkbench.protocol.tool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.BmsProtocol.FrameNotation;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

/**
 * {@code bmsw protocols} and {@code bmsw decode}: the protocol layer for people, without the workbench.
 * Exit status 0 on success, 2 when a frame or an argument is wrong (with one line saying what).
 */
public final class ProtocolTool {

    static final int OK = 0;
    static final int BAD = 2;

    /** What {@code bmsw decode --help} prints: decode's own usage, not the launcher's. */
    static final String DECODE_USAGE = """
            Usage: ./bmsw decode --protocol <id> --request <frame> --response <frame>

            Decodes one request and the reply to it and prints the reply as JSON.
              --protocol <id>     a protocol id of ./bmsw protocols, e.g. pylontech or modbus-native
              --request <frame>   the frame the host sent
              --response <frame>  the frame the pack answered
            YD/T1363 frames are ASCII ('\\r' at the end optional), Modbus frames hex (spaces optional), e.g.
              ./bmsw decode --protocol pylontech --request '~20024642E00202FD33' --response '~200246...E545'
              ./bmsw decode --protocol seplos-v3 --request '01 04 10 00 00 11 34 C6' --response '01 04 22 ...'
            Exit status 0 when both frames decode, 2 with one line saying what is wrong otherwise.""";

    private final ProtocolCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public ProtocolTool(ProtocolCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.exit(ProtocolTool.class, (catalog, out, err) -> new ProtocolTool(catalog, out, err)::run, args);
    }

    public int run(String[] args) {
        for (String problem : catalog.problems()) {
            err.println("bmsw: a protocol could not be loaded: " + problem);
        }
        if (args.length == 0) {
            return fail("give a command: protocols or decode");
        }
        return switch (args[0]) {
            case "protocols" -> protocols();
            case "decode" -> decode(List.of(args).subList(1, args.length));
            default -> fail("unknown command " + args[0] + " (protocols, decode)");
        };
    }

    private int protocols() {
        for (BmsProtocol p : catalog.all()) {
            out.printf("%-15s %-5s %s%n", p.id(), p.notation() == FrameNotation.ASCII ? "ascii" : "hex",
                    p.displayName());
        }
        return OK;
    }

    private int decode(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(DECODE_USAGE);
            return OK;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                return fail("decode takes --protocol <id> --request <frame> --response <frame>; '" + a
                        + "' is not understood");
            }
            options.put(a.substring(2), args.get(++i));
        }
        for (String required : List.of("protocol", "request", "response")) {
            if (!options.containsKey(required)) {
                return fail("decode needs --" + required + " (see ./bmsw decode --help)");
            }
        }
        Map<String, String> given = new HashMap<>(options);
        options.keySet().removeAll(List.of("protocol", "request", "response"));
        if (!options.isEmpty()) {
            return fail("unknown option --" + options.keySet().iterator().next());
        }
        String id = given.get("protocol");
        BmsProtocol protocol = catalog.find(id).orElse(null);
        if (protocol == null) {
            return fail("unknown protocol '" + id + "'; known: "
                    + catalog.all().stream().map(BmsProtocol::id).collect(Collectors.joining(", ")));
        }
        Request request;
        byte[] response;
        try {
            request = protocol.parseRequest(frame(protocol, given.get("request")));
        } catch (IllegalArgumentException | ProtocolException e) {
            return fail("request: " + e.getMessage());
        }
        try {
            response = frame(protocol, given.get("response"));
        } catch (IllegalArgumentException e) {
            return fail("response: " + e.getMessage());
        }
        Reply reply;
        try {
            reply = protocol.decode(request, response);
        } catch (ProtocolException e) {
            return fail("response: " + e.getMessage());
        }
        out.println(ReplyJson.toJson(protocol.id(), reply));
        return OK;
    }

    /** The bytes of a frame as a person writes it: ASCII (CR optional, also as a literal \r) or hex. */
    static byte[] frame(BmsProtocol protocol, String text) {
        if (protocol.notation() == FrameNotation.HEX) {
            byte[] bytes = Hex.parse(text);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("the frame is empty");
            }
            return bytes;
        }
        String t = text.strip();
        if (t.endsWith("\\r")) {
            t = t.substring(0, t.length() - 2);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(String.format("character %d (U+%04X) is not printable ASCII",
                        i + 1, (int) c));
            }
        }
        return (t + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    private int fail(String message) {
        err.println("bmsw decode: " + message);
        return BAD;
    }
}
