package org.bmsworkbench.protocol.daly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.Hex;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.testsupport.TestBoard;
import org.junit.jupiter.api.Test;

/** The simulator's side: a poll through the host codec reads back the board's values. */
class DalyDeviceCodecTest {

    private final DalyProtocol daly = new DalyProtocol();
    private final DeviceCodec device = daly.deviceCodec().orElseThrow();

    static TestBoard board() {
        PackSnapshot.Builder s = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 53.2).set(Quantity.CURRENT, -7.5)
                .set(Quantity.REMAINING_CAPACITY, 87.25).set(Quantity.SOC, 62.4).set(Quantity.CYCLES, 311)
                .temperature(0, 21).temperature(1, 23).temperature(2, -5).temperature(3, 30).temperature(4, 31)
                .temperature(5, 29).temperature(6, 28).temperature(7, 27)
                .flag(PackFlag.DISCHARGING, true).flag(PackFlag.CFET_ON, true).flag(PackFlag.DFET_ON, true)
                .flag(PackFlag.CELL_UV, true).flag(PackFlag.DSG_OCP_1, true).balancing(15, true);
        for (int i = 0; i < 16; i++) {
            s.cellVoltage(i, 3.3 + i / 1000.0);
        }
        return new TestBoard(s.build());
    }

    /** One transaction as the connection runs it: the answer through the stream decoder, then the reply decoder. */
    private PackSnapshot poll(Request request, DeviceBus bus) throws Exception {
        byte[] frame = request.frame();
        assertEquals(frame.length, device.scan(frame, frame.length));
        byte[] answer = device.answer(frame, bus).orElseThrow();
        FrameDecoder decoder = daly.decoder(request);
        decoder.feed(answer);
        byte[] whole = ((DecodeResult.Frame) decoder.next()).bytes();
        return daly.decode(request, whole).packs().get(0);
    }

    /** One poll as the bus runs it: the plan made once, its requests in order, the replies merged. */
    private PackSnapshot pollAll(List<Request> plan, DeviceBus bus) throws Exception {
        PackSnapshot merged = PackSnapshot.builder(1).build();
        for (Request r : plan) {
            merged = merged.mergedWith(poll(r, bus));
        }
        return merged;
    }

    private List<Request> plan() throws Exception {
        List<Request> plan = new java.util.ArrayList<>(daly.requests(Command.ANALOG, 1));
        plan.addAll(daly.requests(Command.ALARM_STATUS, 1));
        return plan;
    }

    @Test
    void theFirstPollReadsEveryValueOfTheBoard() throws Exception {
        DeviceBus bus = TestBoard.bus(board());
        List<Request> plan = plan();
        PackSnapshot p = pollAll(plan, bus);
        assertEquals(p, pollAll(plan, bus));
        assertEquals(53.2, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(-7.5, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(62.4, p.get(Quantity.SOC), 1e-9);
        assertEquals(87.25, p.get(Quantity.REMAINING_CAPACITY), 1e-9);
        assertEquals(311, p.get(Quantity.CYCLES));
        assertEquals(16, p.cellCount());
        assertEquals(3.315, p.cellVoltage(15), 1e-9);
        assertEquals(3.315, p.get(Quantity.MAX_CELL_VOLTAGE), 1e-9);
        assertEquals(3.300, p.get(Quantity.MIN_CELL_VOLTAGE), 1e-9);
        assertArrayEquals(new double[] { 21, 23, -5, 30, 31, 29, 28, 27 }, p.temperatures(), 1e-9);
        assertEquals(31, p.get(Quantity.MAX_CELL_TEMPERATURE));
        assertEquals(-5, p.get(Quantity.MIN_CELL_TEMPERATURE));
        assertTrue(p.hasFlag(PackFlag.DISCHARGING));
        assertTrue(p.hasFlag(PackFlag.CFET_ON));
        assertTrue(p.hasFlag(PackFlag.CELL_UV));
        assertTrue(p.hasFlag(PackFlag.DSG_OCP_1));
        assertFalse(p.hasFlag(PackFlag.CELL_OVP));
        assertTrue(p.isBalancing(15));
    }

    @Test
    void aBoardWithoutSensorsAnswersWithAnEmptyFrame() throws Exception {
        PackSnapshot s = PackSnapshot.builder(1).set(Quantity.VOLTAGE, 3.3).cellVoltage(0, 3.3).build();
        PackSnapshot p = pollAll(plan(), TestBoard.bus(new TestBoard(s)));
        assertEquals(0, p.temperatureCount());
        assertEquals(1, p.cellCount());
    }

    @Test
    void unknownCommandsAndBadFramesGetNoAnswer() {
        DeviceBus bus = TestBoard.bus(board());
        assertTrue(device.answer(DalyFrames.frame(0x40, 0xD9, new byte[8]), bus).isEmpty());
        assertTrue(device.answer(Hex.parse("A5 40 90 08 00 00 00 00 00 00 00 00 7E"), bus).isEmpty());
        assertEquals(-1, device.scan(Hex.parse("00 A5"), 2));
        assertEquals(0, device.scan(Hex.parse("A5 40 90 08"), 4));
        assertEquals(-1, device.scan(Hex.parse("A5 40 90 07"), 4));
    }
}
