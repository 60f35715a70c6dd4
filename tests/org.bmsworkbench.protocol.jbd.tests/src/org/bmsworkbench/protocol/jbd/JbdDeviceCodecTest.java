package org.bmsworkbench.protocol.jbd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.testsupport.TestBoard;
import org.junit.jupiter.api.Test;

/** The simulator's side: what a board answers reads back through the host codec as the board's values. */
class JbdDeviceCodecTest {

    private final JbdProtocol jbd = new JbdProtocol();
    private final DeviceCodec device = jbd.deviceCodec().orElseThrow();

    static TestBoard board() {
        PackSnapshot s = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 13.21).set(Quantity.CURRENT, -12.34)
                .set(Quantity.REMAINING_CAPACITY, 80.5).set(Quantity.FULL_CAPACITY, 100).set(Quantity.CYCLES, 42)
                .set(Quantity.SOC, 80).cellVoltage(0, 3.301).cellVoltage(1, 3.302).cellVoltage(2, 3.303)
                .cellVoltage(3, 3.305).temperature(0, 25.5).temperature(1, -4.2).balancing(3, true)
                .flag(PackFlag.CFET_ON, true).flag(PackFlag.DFET_ON, false).flag(PackFlag.CELL_UVP, true).build();
        TestBoard b = new TestBoard(s);
        b.texts.put("hardwareVersion", "SIM-JBD-4S");
        b.texts.put("softwareVersion", "2.3");
        b.texts.put("productionDate", "2025-11-07");
        return b;
    }

    private Reply ask(Request request, DeviceBus bus) throws Exception {
        byte[] frame = request.frame();
        assertEquals(frame.length, device.scan(frame, frame.length));
        byte[] answer = device.answer(frame, bus).orElseThrow();
        return jbd.decode(request, answer);
    }

    @Test
    void aBoardsValuesReadBackThroughTheHostCodec() throws Exception {
        DeviceBus bus = TestBoard.bus(board());
        Reply basic = ask(jbd.requests(Command.ALARM_STATUS, 1).get(0), bus);
        PackSnapshot p = basic.packs().get(0);
        assertEquals(13.21, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(-12.34, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(80.5, p.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(42, p.get(Quantity.CYCLES));
        assertArrayEquals(new double[] { 25.5, -4.2 }, p.temperatures(), 1e-9);
        assertTrue(p.hasFlag(PackFlag.CFET_ON));
        assertFalse(p.hasFlag(PackFlag.DFET_ON));
        assertTrue(p.hasFlag(PackFlag.CELL_UVP));
        assertTrue(p.isBalancing(3));
        assertEquals("2025-11-07", basic.identity().text().get("productionDate"));
        assertEquals("2.3", basic.identity().text().get("softwareVersion"));
        assertEquals(4, basic.details().get("cellCount"));

        Reply cells = ask(jbd.requests(Command.ANALOG, 1).get(1), bus);
        assertArrayEquals(new double[] { 3.301, 3.302, 3.303, 3.305 }, cells.packs().get(0).cellVoltages(), 1e-9);
        Reply version = ask(jbd.requests(Command.MANUFACTURER, 1).get(0), bus);
        assertEquals("SIM-JBD-4S", version.identity().text().get("hardwareVersion"));
    }

    @Test
    void writesAndUnknownRegistersAreRefusedAndBadFramesIgnored() throws Exception {
        DeviceBus bus = TestBoard.bus(board());
        byte[] factory = JbdFrames.frame(JbdFrames.WRITE, 0x00, new byte[] { 0x56, 0x78 });
        assertEquals("DD 00 80 00 FF 80 77", Hex.spaced(device.answer(factory, bus).orElseThrow()));
        byte[] bad = Hex.parse("DD A5 03 00 FF FE 77");
        assertTrue(device.answer(bad, bus).isEmpty());
        assertTrue(device.answer(Hex.parse(JbdCodecTest.BASIC_REQUEST), TestBoard.bus()).isEmpty());
    }

    @Test
    void scanSkipsNoiseAndWaitsForAWholeRequest() {
        byte[] noise = Hex.parse("00 DD A5 03");
        assertEquals(-1, device.scan(noise, noise.length));
        byte[] half = Hex.parse("DD A5 03 00 FF");
        assertEquals(0, device.scan(half, half.length));
        byte[] notARequest = Hex.parse("DD 03 00 00");
        assertEquals(-1, device.scan(notARequest, notARequest.length));
    }
}
