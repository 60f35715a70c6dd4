package org.bmsworkbench.protocol.ydt1363;

import static org.bmsworkbench.protocol.ydt1363.Golden.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.ToolRun;
import org.junit.jupiter.api.Test;

/** Every YD/T1363 frame of golden-frames.md decodes to the values listed there (tolerance: the last digit). */
class GoldenFramesTest {

    private final BmsProtocol pylontech = new PylontechProtocol();
    private final BmsProtocol seplos = new SeplosV2Protocol();

    private static Reply decode(BmsProtocol p, String request, String response) throws Exception {
        Request r = p.parseRequest(ascii(request));
        // Through the stream decoder, as the connection service will read it.
        FrameDecoder decoder = p.decoder(r);
        decoder.feed(ascii(response));
        DecodeResult result = decoder.next();
        assertTrue(result instanceof DecodeResult.Frame, () -> "not a frame: " + result);
        return p.decode(r, ((DecodeResult.Frame) result).bytes());
    }

    private static void assertCells(PackSnapshot s, double... volts) {
        assertEquals(volts.length, s.cellCount());
        for (int i = 0; i < volts.length; i++) {
            assertEquals(volts[i], s.cellVoltage(i), 0.0005, "cell " + (i + 1));
        }
    }

    private static void assertTemperatures(PackSnapshot s, double... celsius) {
        assertEquals(celsius.length, s.temperatureCount());
        for (int i = 0; i < celsius.length; i++) {
            assertEquals(celsius[i], s.temperature(i), 0.05, "T" + (i + 1));
        }
    }

    @Test
    void g1PylontechAnalog() throws Exception {
        Reply reply = decode(pylontech, Golden.G1_REQUEST, Golden.G1_RESPONSE);
        assertEquals(Command.ANALOG, reply.command());
        PackSnapshot s = reply.packs().get(0);
        assertEquals(2, s.address());
        assertCells(s, 3.226, 3.224, 3.225, 3.224, 3.226, 3.226, 3.225, 3.227, 3.228, 3.226, 3.227, 3.227, 3.227,
                3.227, 3.225);
        assertTemperatures(s, 20.1, 17.0, 17.2, 16.8, 18.4);
        assertEquals(0, s.get(Quantity.CURRENT), 0.0005);
        assertEquals(48.390, s.get(Quantity.VOLTAGE), 0.0005);
        assertEquals(6.415, s.get(Quantity.REMAINING_CAPACITY), 0.0005);
        assertEquals(50.000, s.get(Quantity.FULL_CAPACITY), 0.0005);
        assertEquals(132, s.get(Quantity.CYCLES));
    }

    @Test
    void g2PylontechSerialNumber() throws Exception {
        Reply reply = decode(pylontech, Golden.G2_REQUEST, Golden.G2_RESPONSE);
        assertEquals(2, pylontech.parseRequest(ascii(Golden.G2_REQUEST)).address());
        assertEquals("HPTCR03171112590", reply.identity().get("serialNumber"));
    }

    @Test
    void g3PylontechAlarmsReportNoAlarmOrProtection() throws Exception {
        Reply reply = decode(pylontech, Golden.G3_REQUEST, Golden.G3_RESPONSE);
        PackSnapshot s = reply.packs().get(0);
        assertEquals(2, s.address());
        assertTrue(s.reportedFlagCategories().containsAll(List.of(FlagCategory.ALARM, FlagCategory.PROTECTION)));
        for (PackFlag f : s.flags()) {
            assertFalse(f.category() == FlagCategory.ALARM || f.category() == FlagCategory.PROTECTION
                    || f.category() == FlagCategory.DETECTION, f + " is reported");
        }
        // 0x0E is status 2: both FETs on, running on its own power.
        assertEquals(java.util.Set.of(PackFlag.CFET_ON, PackFlag.DFET_ON), s.flags());
    }

    @Test
    void g4SeplosAnalog() throws Exception {
        Reply reply = decode(seplos, Golden.G4_REQUEST, Golden.G4_RESPONSE);
        PackSnapshot s = reply.packs().get(0);
        assertEquals(1, s.address());
        assertCells(s, 3.287, 3.305, 3.316, 3.286, 3.311, 3.301, 3.297, 3.292, 3.305, 3.312, 3.304, 3.311, 3.306,
                3.290, 3.294, 3.288);
        assertTemperatures(s, 25.1, 24.5, 23.6, 25.1, 25.0, 24.7);
        assertEquals(-6.76, s.get(Quantity.CURRENT), 0.005);
        assertEquals(52.80, s.get(Quantity.VOLTAGE), 0.005);
        assertEquals(133.90, s.get(Quantity.REMAINING_CAPACITY), 0.005);
        assertEquals(170.00, s.get(Quantity.FULL_CAPACITY), 0.005);
        assertEquals(78.7, s.get(Quantity.SOC), 0.05);
        assertEquals(180.00, s.get(Quantity.DESIGN_CAPACITY), 0.005);
        assertEquals(70, s.get(Quantity.CYCLES));
        assertEquals(100.0, s.get(Quantity.SOH), 0.05);
        assertEquals(52.79, s.get(Quantity.PORT_VOLTAGE), 0.005);
    }

    @Test
    void g5SeplosManufacturer() throws Exception {
        Reply reply = decode(seplos, Golden.G5_REQUEST, Golden.G5_RESPONSE);
        assertEquals("1101-SP15", reply.identity().get("deviceName"));
        assertEquals("2.7", reply.identity().get("softwareVersion"));
        assertEquals("CANProtocol:Sofar", reply.identity().get("manufacturer"));
    }

    @Test
    void requestsAreBuiltAsTheCapturedOnes() throws Exception {
        assertArrayEquals(ascii(Golden.G1_REQUEST), pylontech.requests(Command.ANALOG, 2).get(0).frame());
        assertArrayEquals(ascii(Golden.G2_REQUEST), pylontech.requests(Command.SERIAL_NUMBER, 2).get(0).frame());
        assertArrayEquals(ascii(Golden.G3_REQUEST), pylontech.requests(Command.ALARM_STATUS, 2).get(0).frame());
        assertArrayEquals(ascii(Golden.G4_REQUEST), seplos.requests(Command.ANALOG, 0).get(0).frame());
        assertArrayEquals(ascii(Golden.G5_REQUEST), seplos.requests(Command.MANUFACTURER, 0).get(0).frame());
    }

    /** The same frames through the code behind ./bmsw decode, as people type them (no carriage return). */
    @Test
    void decodeToolPrintsTheGoldenValues() {
        String g1 = tool("pylontech", Golden.G1_REQUEST.trim(), Golden.G1_RESPONSE.trim());
        assertTrue(g1.startsWith("{\"protocol\":\"pylontech\",\"command\":\"analog\",\"packs\":[{\"address\":2,"
                + "\"cellVoltages\":[3.226,3.224,3.225,3.224,3.226,3.226,3.225,3.227,3.228,3.226,3.227,3.227,3.227,"
                + "3.227,3.225],\"temperatures\":[20.1,17,17.2,16.8,18.4],\"current\":0,\"voltage\":48.39,"
                + "\"remainingCapacity\":6.415,\"fullCapacity\":50,\"cycles\":132,"), g1);
        assertTrue(tool("pylontech", Golden.G2_REQUEST, Golden.G2_RESPONSE)
                .contains("\"text\":{\"serialNumber\":\"HPTCR03171112590\"}"));
        assertTrue(tool("pylontech", Golden.G3_REQUEST, Golden.G3_RESPONSE)
                .contains("\"flags\":[\"CFET_ON\",\"DFET_ON\"]"));
        String g4 = tool("seplos-v2", Golden.G4_REQUEST, Golden.G4_RESPONSE.trim() + "\\r");
        assertTrue(g4.contains("\"address\":1,"), g4);
        assertTrue(g4.contains("\"temperatures\":[25.1,24.5,23.6,25.1,25,24.7],\"current\":-6.76,\"voltage\":52.8,"
                + "\"remainingCapacity\":133.9,\"fullCapacity\":170,\"designCapacity\":180,\"soc\":78.7,\"soh\":100,"
                + "\"cycles\":70,\"portVoltage\":52.79"), g4);
        assertTrue(tool("seplos-v2", Golden.G5_REQUEST, Golden.G5_RESPONSE).contains(
                "\"text\":{\"deviceName\":\"1101-SP15\",\"softwareVersion\":\"2.7\",\"manufacturer\":\"CANProtocol:Sofar\"}"));
    }

    @Test
    void decodeToolNamesTheWrongChecksumAndExitsWithTwo() {
        String bad = Golden.G1_RESPONSE.trim().replace("E545", "E546");
        ToolRun run = ToolRun.of(catalog(), "decode", "--protocol", "pylontech", "--request", Golden.G1_REQUEST.trim(),
                "--response", bad);
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals("bmsw decode: response: CHKSUM is E546 but the frame sums to E545", run.err());
    }

    @Test
    void decodeToolSaysWhatIsMissingOrUnknown() {
        ToolRun noResponse = ToolRun.of(catalog(), "decode", "--protocol", "pylontech", "--request", "~20024642E00202FD33");
        assertEquals(2, noResponse.status());
        assertEquals("bmsw decode: Missing required option: '--response=<frame>' (see bmsw decode --help)",
                noResponse.err());
        ToolRun unknown = ToolRun.of(catalog(), "decode", "--protocol", "jbd", "--request", "x", "--response", "y");
        assertEquals("bmsw decode: unknown protocol 'jbd'; known: pace-v25, pylontech, seplos-v2", unknown.err());
        ToolRun extra = ToolRun.of(catalog(), "decode", "--protocol", "pylontech", "--request", "x", "--response", "y",
                "--baud", "9600");
        assertEquals(2, extra.status());
        assertEquals("bmsw decode: Unknown options: '--baud', '9600' (see bmsw decode --help)", extra.err());
        ToolRun badRequest = ToolRun.of(catalog(), "decode", "--protocol", "seplos-v2", "--request",
                "~20004642E00200FD37", "--response", Golden.G1_RESPONSE);
        assertEquals("bmsw decode: response: the reply is from address 2, 0 was asked", badRequest.err());
        ToolRun list = ToolRun.of(catalog(), "protocols");
        assertEquals(0, list.status());
        assertTrue(list.out().startsWith("pace-v25        ascii PACE (YD/T1363 VER 25)"), list.out());
    }

    @Test
    void decodeHelpPrintsDecodesOwnUsage() {
        for (String[] args : List.of(new String[] { "decode", "--help" }, new String[] { "decode", "-h" },
                new String[] { "decode", "--protocol", "pylontech", "--help" })) {
            ToolRun help = ToolRun.of(catalog(), args);
            assertEquals(0, help.status(), String.join(" ", args));
            assertEquals("", help.err());
            assertTrue(help.out().startsWith(
                    "Usage: bmsw decode [-h] --protocol=<id> --request=<frame> --response=<frame>"), help.out());
            assertTrue(help.out().contains("--response=<frame>"), help.out());
            assertTrue(help.out().contains("the frame the pack answered"), help.out());
            assertTrue(!help.out().contains("sim") && !help.out().contains("poll"), "not the launcher's help");
        }
    }

    private static ProtocolCatalog catalog() {
        return new ProtocolCatalog(List.of(new PylontechProtocol(), new SeplosV2Protocol(), new PaceV25Protocol()));
    }

    private static String tool(String protocol, String request, String response) {
        return ToolRun.decode(catalog(), protocol, request, response);
    }
}
