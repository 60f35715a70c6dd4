package org.bmsworkbench.cli.decode;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.bmsworkbench.cli.Cli;
import org.bmsworkbench.cli.json.ReplyJson;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.BmsProtocol.FrameNotation;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bmsw decode}: one request and the reply to it, decoded by the workbench's own codec, as JSON. */
@Command(name = "decode", sortOptions = false,
        description = { "Decodes one request and the reply to it and prints the reply as JSON.",
                "YD/T1363 frames are ASCII ('\\r' at the end optional), Modbus frames hex (spaces optional), e.g.",
                "  ./bmsw decode --protocol pylontech --request '~20024642E00202FD33' --response '~200246...E545'",
                "  ./bmsw decode --protocol seplos-v3 --request '01 04 10 00 00 11 34 C6' --response '01 04 22 ...'" },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:both frames decode", "2:a frame or an option is wrong (one line says what)" })
public final class DecodeCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--protocol", required = true, paramLabel = "<id>",
            description = "a protocol id of ./bmsw protocols, e.g. pylontech or modbus-native")
    String protocolId;

    @Option(names = "--request", required = true, paramLabel = "<frame>", description = "the frame the host sent")
    String request;

    @Option(names = "--response", required = true, paramLabel = "<frame>", description = "the frame the pack answered")
    String response;

    public DecodeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        for (String problem : cli.catalog().problems()) {
            cli.err().println("bmsw: a protocol could not be loaded: " + problem);
        }
        BmsProtocol protocol = cli.protocol(protocolId).orElse(null);
        if (protocol == null) {
            return fail("unknown protocol '" + protocolId + "'; known: " + String.join(", ", cli.protocolIds()));
        }
        Request parsed;
        byte[] reply;
        try {
            parsed = protocol.parseRequest(frame(protocol, request));
        } catch (IllegalArgumentException | ProtocolException e) {
            return fail("request: " + e.getMessage());
        }
        try {
            reply = frame(protocol, response);
        } catch (IllegalArgumentException e) {
            return fail("response: " + e.getMessage());
        }
        Reply decoded;
        try {
            decoded = protocol.decode(parsed, reply);
        } catch (ProtocolException e) {
            return fail("response: " + e.getMessage());
        }
        cli.out().println(ReplyJson.toJson(protocol.id(), decoded));
        return 0;
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
        cli.err().println("bmsw decode: " + message);
        return 2;
    }
}
