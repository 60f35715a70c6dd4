package org.bmsworkbench.protocol.jbdup;

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
class UpDeviceCodecTest {

    private final JbdUpProtocol up = new JbdUpProtocol();
    private final DeviceCodec device = up.deviceCodec().orElseThrow();

    static TestBoard board(int address, int cells) {
        PackSnapshot.Builder s = PackSnapshot.builder(address).set(Quantity.VOLTAGE, 53.21)
                .set(Quantity.CURRENT, -12.34).set(Quantity.SOC, 80.25).set(Quantity.REMAINING_CAPACITY, 80.5)
                .set(Quantity.FULL_CAPACITY, 100).set(Quantity.DESIGN_CAPACITY, 105).set(Quantity.CYCLES, 42)
                .set(Quantity.SOH, 96).set(Quantity.MOSFET_TEMPERATURE, 31.2)
                .set(Quantity.ENVIRONMENT_TEMPERATURE, -3.5).set(Quantity.CHARGE_CURRENT_LIMIT, 50)
                .set(Quantity.DISCHARGE_CURRENT_LIMIT, 100).set(Quantity.DISCHARGED_CAPACITY_TOTAL, 1234.5);
        for (int i = 0; i < cells; i++) {
            s.cellVoltage(i, 3.300 + i / 1000.0);
        }
        s.temperature(0, 25.5).temperature(1, -4.2).temperature(2, 20).temperature(3, 21).temperature(4, 22)
                .balancing(3, true).flag(PackFlag.CFET_ON, true).flag(PackFlag.DFET_ON, false)
                .flag(PackFlag.CELL_UVP, true).flag(PackFlag.CHG_OCP, true).flag(PackFlag.EEPROM_ERROR, true)
                .flag(PackFlag.CELL_DIFF, true);
        TestBoard b = new TestBoard(s.build());
        b.texts.put("softwareVersion", "NB176-1.04.2");
        b.texts.put("hardwareVersion", "R3");
        b.texts.put("serialNumber", "SIM00" + address);
        b.texts.put("model", "SIM-16S");
        b.texts.put("manufacturer", "BMS Workbench");
        b.texts.put("barCode", "BC" + address);
        b.texts.put("productionDate", "2025-11-07");
        b.parameters.put("packHighVoltageAlarm", 57.6);
        b.parameters.put("packLowVoltageAlarm", 44.0);
        return b;
    }

    private Reply ask(Request request, DeviceBus bus) throws Exception {
        byte[] frame = request.frame();
        assertEquals(frame.length, device.scan(frame, frame.length));
        assertEquals(request.address(), device.addressOf(frame));
        byte[] answer = device.answer(frame, bus).orElseThrow(() -> new AssertionError("silent on " + request));
        return up.decode(request, answer);
    }

    @Test
    void aBoardsValuesReadBackThroughTheHostCodec() throws Exception {
        DeviceBus bus = TestBoard.bus(board(1, 16), board(2, 16));
        Reply status = ask(up.requests(Command.ANALOG, 2).get(0), bus);
        PackSnapshot p = status.packs().get(0);
        assertEquals(2, p.address());
        assertEquals(53.21, p.get(Quantity.VOLTAGE), 1e-9);
        assertEquals(-12.34, p.get(Quantity.CURRENT), 1e-9);
        assertEquals(80.25, p.get(Quantity.SOC), 1e-9);
        assertEquals(105, p.get(Quantity.DESIGN_CAPACITY), 1e-9);
        assertEquals(31.2, p.get(Quantity.MOSFET_TEMPERATURE), 1e-9);
        assertEquals(-3.5, p.get(Quantity.ENVIRONMENT_TEMPERATURE), 1e-9);
        assertEquals(3.315, p.get(Quantity.MAX_CELL_VOLTAGE), 1e-9);
        assertEquals(16, p.cellCount());
        assertEquals(3.307, p.cellVoltage(7), 1e-9);
        assertArrayEquals(new double[] { 25.5, -4.2, 20, 21 }, p.temperatures(), 1e-9,
                "a UP16S has four cell sensors");
        assertEquals(java.util.Set.of(PackFlag.CFET_ON, PackFlag.CELL_UVP, PackFlag.CHG_OCP, PackFlag.EEPROM_ERROR,
                PackFlag.CELL_DIFF, PackFlag.BALANCING), p.flags());
        assertTrue(p.isBalancing(3));
        assertEquals("1.4", status.identity().text().get("softwareVersion"));
        assertEquals("SIM002", status.identity().text().get("serialNumber"));
        assertEquals(57.6, (Double) status.details().get("chargeVoltageLimit"), 1e-9);

        Reply totals = ask(up.requests(Command.ANALOG, 2).get(1), bus);
        assertEquals(1234.5, totals.packs().get(0).get(Quantity.DISCHARGED_CAPACITY_TOTAL), 1e-9);
    }

    @Test
    void onlyTheBoardAtThePortServesTheIdentityBlocks() throws Exception {
        DeviceBus bus = TestBoard.bus(board(1, 16), board(2, 16));
        Reply product = ask(up.requests(Command.MANUFACTURER, 1).get(0), bus);
        assertEquals("1.4.2", product.identity().text().get("softwareVersion"));
        assertEquals("SIM-16S", product.identity().text().get("model"));
        Reply info = ask(up.requests(Command.MANUFACTURER, 1).get(1), bus);
        assertEquals("SIM001", info.identity().text().get("serialNumber"));
        assertEquals("2025-11-07", info.identity().text().get("productionDate"));
        for (Request r : up.requests(Command.MANUFACTURER, 2)) {
            assertFalse(device.answer(r.frame(), bus).isPresent(), "pack 2 is silent on " + r);
        }
        // ...while it answers its status: silence is per block, not per pack
        assertTrue(device.answer(up.requests(Command.ANALOG, 2).get(0).frame(), bus).isPresent());
    }

    @Test
    void aBoardIsSilentOnWhatItCannotReadOrDoesNotServe() throws Exception {
        DeviceBus bus = TestBoard.bus(board(1, 16));
        byte[] status = up.requests(Command.ANALOG, 1).get(0).frame();
        byte[] damaged = status.clone();
        damaged[3] ^= 0x10;
        assertFalse(device.answer(damaged, bus).isPresent());
        assertFalse(device.answer(up.requests(Command.ANALOG, 5).get(0).frame(), bus).isPresent(), "no board 5");
        assertFalse(device.answer(UpFrames.frame(1, UpFrames.READ, 0x3000, 0x3010, new byte[0]), bus).isPresent());
        assertFalse(device.answer(UpFrames.frame(1, UpFrames.WRITE, 0x2006, 0x2008, Hex.parse("11 4A 42 44 27 10")),
                bus).isPresent(), "no guessed write");
        assertEquals(-1, device.scan(Hex.parse("01 03 00 00"), 4));
        assertEquals(0, device.scan(status, 5));
        assertEquals(-1, device.scan(damaged, damaged.length));
    }

    @Test
    void aLargerSimulatedPackIsServedAsSixteenCellsAndReaddressingKeepsTheCrcGood() throws Exception {
        DeviceBus bus = TestBoard.bus(board(1, 176));
        Request r = up.requests(Command.ANALOG, 1).get(0);
        byte[] answer = device.answer(r.frame(), bus).orElseThrow();
        assertEquals(16, up.decode(r, answer).packs().get(0).cellCount());
        byte[] moved = device.readdressed(answer, 7).orElseThrow();
        assertEquals(7, moved[0]);
        assertEquals(16, up.decode(up.requests(Command.ANALOG, 7).get(0), moved).packs().get(0).cellCount());
    }
}
