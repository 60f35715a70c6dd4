package org.bmsworkbench.protocol.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.testsupport.ToolRun;
import org.junit.jupiter.api.Test;

/** The Modbus frames of golden-frames.md (G6, G7) and the Seplos V3 blocks around them. */
class SeplosV3GoldenTest {

    static final String G6_REQUEST = "01 04 10 00 00 11 34 C6";
    static final String G6_RESPONSE = "01 04 22 14 CD FF 77 6B 40 80 E8 01 22 03 40 03 E7 00 0A 0C FF 0B 7F 0D 00 0C"
            + " FF 0B 81 0B 7E 00 00 00 B4 00 B4 D3 2E";
    static final String G7A_REQUEST = "00 04 21 00 00 1A 7A 2C";
    static final String G7A_RESPONSE = "00 84 02 93 01";
    static final String G7B_REQUEST = "01 01 12 00 09 00 3F 22";
    static final String G7B_RESPONSE = "01 81 02 C1 91";

    private final ModbusProtocol seplos = new SeplosV3Protocol();

    private Reply decode(String request, String response) throws Exception {
        Request r = seplos.parseRequest(Hex.parse(request));
        FrameDecoder d = seplos.decoder(r);
        d.feed(Hex.parse(response));
        DecodeResult result = d.next();
        assertTrue(result instanceof DecodeResult.Frame, () -> "not a frame: " + result);
        return seplos.decode(r, ((DecodeResult.Frame) result).bytes());
    }

    @Test
    void g6PackInformationA() throws Exception {
        Reply reply = decode(G6_REQUEST, G6_RESPONSE);
        assertEquals(Command.ANALOG, reply.command());
        PackSnapshot s = reply.packs().get(0);
        assertEquals(1, s.address());
        assertEquals(53.25, s.get(Quantity.VOLTAGE), 0.005);
        assertEquals(-1.37, s.get(Quantity.CURRENT), 0.005);
        assertEquals(274.56, s.get(Quantity.REMAINING_CAPACITY), 0.005);
        assertEquals(330.00, s.get(Quantity.FULL_CAPACITY), 0.005);
        assertEquals(83.2, s.get(Quantity.SOC), 0.05);
        assertEquals(99.9, s.get(Quantity.SOH), 0.05);
        assertEquals(10, s.get(Quantity.CYCLES));
        assertEquals(3.327, s.get(Quantity.AVERAGE_CELL_VOLTAGE), 0.0005);
        assertEquals(3.328, s.get(Quantity.MAX_CELL_VOLTAGE), 0.0005);
        assertEquals(3.327, s.get(Quantity.MIN_CELL_VOLTAGE), 0.0005);
        assertEquals(180, s.get(Quantity.DISCHARGE_CURRENT_LIMIT), 0.5);
        assertEquals(180, s.get(Quantity.CHARGE_CURRENT_LIMIT), 0.5);
        assertEquals(0, s.cellCount());
    }

    @Test
    void g7ExceptionReplies() throws Exception {
        Reply a = decode(G7A_REQUEST, G7A_RESPONSE);
        assertEquals(2, a.error().code());
        assertEquals("illegal data address", a.error().meaning());
        Reply b = decode(G7B_REQUEST, G7B_RESPONSE);
        assertEquals(2, b.error().code());
        assertEquals("illegal data address", b.error().meaning());
    }

    @Test
    void theRequestsItSendsAreTheDocumentedPolls() throws Exception {
        List<Request> analog = seplos.requests(Command.ANALOG, 1);
        assertEquals("01 04 10 00 00 12 74 C7", Hex.spaced(analog.get(0).frame()));
        assertEquals("01 04 11 00 00 1A 74 FD", Hex.spaced(analog.get(1).frame()));
        assertEquals("01 01 12 00 00 90 39 1E", Hex.spaced(seplos.requests(Command.ALARM_STATUS, 1).get(0).frame()));
    }

    @Test
    void temperaturesAreTenthsOfAKelvinFromAbsoluteZero() throws Exception {
        // The XZH document: 0.1 K from 273.15 K, so degC = (raw - 2731.5) / 10. G6 carries 0x0B7F, 0x0B81, 0x0B7E.
        PackSnapshot s = decode(G6_REQUEST, G6_RESPONSE).packs().get(0);
        assertEquals(21.15, s.get(Quantity.AVERAGE_CELL_TEMPERATURE), 1e-9);
        assertEquals(21.35, s.get(Quantity.MAX_CELL_TEMPERATURE), 1e-9);
        assertEquals(21.05, s.get(Quantity.MIN_CELL_TEMPERATURE), 1e-9);
    }

    /** The Celsius value the XZH document gives for a raw reading. */
    private static double celsius(int raw) {
        return (raw - 2731.5) / 10;
    }

    @Test
    void packInformationBMarksUnfittedSensorsAbsent() throws Exception {
        int[] regs = new int[26];
        for (int i = 0; i < 16; i++) {
            regs[i] = 3300 + i;
        }
        regs[16] = 2946;
        regs[17] = 0x0AAB; // a real reading of -0.05 degC on a fitted cell sensor
        regs[18] = 2952;
        regs[19] = 2957;
        for (int i = 20; i < 24; i++) {
            regs[i] = 0x0AAB; // reserved slots: the placeholder of a sensor that is not fitted
        }
        regs[24] = 2983;
        regs[25] = 3034;
        Request r = seplos.requests(Command.ANALOG, 1).get(1);
        PackSnapshot s = seplos.decode(r, ModbusFrames.readReply(1, 4, regs)).packs().get(0);
        assertEquals(16, s.cellCount());
        assertEquals(3.315, s.cellVoltage(15), 1e-9);
        assertEquals(10, s.temperatureCount());
        assertEquals(21.45, s.temperature(0), 1e-9);
        assertEquals(celsius(regs[16]), s.temperature(0), 1e-9);
        assertEquals(-0.05, s.temperature(1), 1e-9);
        for (int i = 4; i < 8; i++) {
            assertTrue(Double.isNaN(s.temperature(i)), "T" + (i + 1) + " is not fitted");
        }
        assertEquals(25.15, s.temperature(8), 1e-9);
        assertEquals(30.25, s.temperature(9), 1e-9);
        String json = org.bmsworkbench.cli.json.ReplyJson.toJson("seplos-v3", seplos.decode(r,
                ModbusFrames.readReply(1, 4, regs)));
        assertTrue(json.contains("\"temperatures\":[21.45,-0.05,22.05,22.55,null,null,null,null,25.15,30.25]"), json);
    }

    @Test
    void statusBitsBecomeFlagsAndBalance() throws Exception {
        byte[] bits = new byte[18];
        bits[2] = 0x04; // cell 3 high-voltage alarm
        bits[6] = 0x01; // cell 1 balancing
        bits[8] = 0x02; // charging
        bits[9] = 0x02; // cell over-voltage protection
        bits[15] = 0x03; // both FETs on
        bits[17] = 0x08; // discharge MOSFET fault
        Request r = seplos.requests(Command.ALARM_STATUS, 1).get(0);
        PackSnapshot s = seplos.decode(r, ModbusFrames.bitReply(1, 1, bits)).packs().get(0);
        assertEquals(java.util.Set.of(PackFlag.CELL_OV, PackFlag.BALANCING, PackFlag.CHARGING, PackFlag.CELL_OVP,
                PackFlag.DFET_ON, PackFlag.CFET_ON, PackFlag.DFET_ERROR), s.flags());
        assertTrue(s.isBalancing(0));
        assertTrue(!s.isBalancing(1));
    }

    @Test
    void decodeToolPrintsTheGoldenValues() {
        String g6 = tool(G6_REQUEST.replace(" ", ""), G6_RESPONSE);
        assertTrue(g6.startsWith("{\"protocol\":\"seplos-v3\",\"command\":\"analog\",\"packs\":[{\"address\":1,"
                + "\"current\":-1.37,\"voltage\":53.25,\"remainingCapacity\":274.56,\"fullCapacity\":330,\"soc\":83.2,"
                + "\"soh\":99.9,\"cycles\":10,\"averageCellVoltage\":3.327,\"maxCellVoltage\":3.328,"
                + "\"minCellVoltage\":3.327,"), g6);
        assertTrue(g6.contains("\"chargeCurrentLimit\":180,\"dischargeCurrentLimit\":180"), g6);
        assertEquals("{\"protocol\":\"seplos-v3\",\"command\":\"raw\",\"error\":{\"code\":2,"
                + "\"meaning\":\"illegal data address\"}}", tool(G7A_REQUEST, G7A_RESPONSE));
        assertTrue(tool(G7B_REQUEST, G7B_RESPONSE).contains("\"error\":{\"code\":2,\"meaning\":\"illegal data address\"}"));
    }

    @Test
    void decodeToolNamesTheWrongCrc() {
        ToolRun run = ToolRun.of(new ProtocolCatalog(List.of(seplos)), "decode", "--protocol", "seplos-v3", "--request",
                G6_REQUEST, "--response", G6_RESPONSE.replace("D3 2E", "D3 2F"));
        assertEquals(2, run.status());
        assertEquals("bmsw decode: response: the CRC D3 2F (D3 2E expected) does not match the frame", run.err());
    }

    private String tool(String request, String response) {
        return ToolRun.decode(new ProtocolCatalog(List.of(seplos)), "seplos-v3", request, response);
    }

    @Test
    void requestFramesRoundTrip() throws Exception {
        Request r = seplos.parseRequest(Hex.parse(G6_REQUEST));
        assertArrayEquals(Hex.parse(G6_REQUEST), r.frame());
        assertEquals(0x1000, ((ModbusRequest) r).start());
        assertEquals(17, ((ModbusRequest) r).count());
    }
}
