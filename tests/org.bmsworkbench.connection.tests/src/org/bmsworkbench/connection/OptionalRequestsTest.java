package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.FrameDecoder;
import org.bmsworkbench.protocol.ProtocolException;
import org.bmsworkbench.protocol.Reply;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.device.DeviceCodec;
import org.bmsworkbench.protocol.jbdup.JbdUpProtocol;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.sim.wire.LineTiming;
import org.junit.jupiter.api.Test;

/**
 * A pack that answers some blocks and stays silent on others is still online: "no answer" belongs to the request,
 * not to the pack (JBD UP series).
 */
class OptionalRequestsTest {

    /** A frame no board answers: a Modbus read with a broken CRC, which every board ignores. */
    private static final class SilentBlock extends Request {
        SilentBlock(int address) {
            super(Command.ANALOG, address, new byte[] { (byte) address, 0x04, 0x7F, 0x00, 0x00, 0x01, 0x00, 0x00 },
                    "read a block this firmware does not serve");
        }

        @Override
        public boolean optional() {
            return true;
        }
    }

    /** The native Modbus map, whose full poll also asks for one block the boards never answer. */
    private static final class WithSilentBlock implements BmsProtocol {
        private final NativeModbusProtocol modbus = new NativeModbusProtocol();

        @Override
        public String id() {
            return "modbus-native";
        }

        @Override
        public String displayName() {
            return "native map and a silent block";
        }

        @Override
        public FrameNotation notation() {
            return modbus.notation();
        }

        @Override
        public Set<Command> commands() {
            return modbus.commands();
        }

        @Override
        public int minAddress() {
            return modbus.minAddress();
        }

        @Override
        public int maxAddress() {
            return modbus.maxAddress();
        }

        @Override
        public List<Request> requests(Command command, int address) throws ProtocolException {
            List<Request> r = new ArrayList<>(modbus.requests(command, address));
            if (command == Command.ANALOG) {
                r.add(1, new SilentBlock(address));
            }
            return r;
        }

        @Override
        public List<ParameterDefinition> parameterDefinitions() {
            return modbus.parameterDefinitions();
        }

        @Override
        public List<Request> writeParameters(int address, ParameterSet parameters) throws ProtocolException {
            return modbus.writeParameters(address, parameters);
        }

        @Override
        public List<Request> control(int address, ControlAction action) throws ProtocolException {
            return modbus.control(address, action);
        }

        @Override
        public List<Request> setClock(int address, LocalDateTime time) throws ProtocolException {
            return modbus.setClock(address, time);
        }

        @Override
        public Request parseRequest(byte[] frame) throws ProtocolException {
            return modbus.parseRequest(frame);
        }

        @Override
        public boolean changesDevice(byte[] frame) {
            return false;
        }

        @Override
        public FrameDecoder decoder(Request pending) {
            if (pending instanceof SilentBlock) {
                return new FrameDecoder() {
                    private int held;

                    @Override
                    public void feed(byte[] data, int offset, int length) {
                        held += length;
                    }

                    @Override
                    public DecodeResult next() {
                        return DecodeResult.NEED_MORE;
                    }

                    @Override
                    public int buffered() {
                        return held;
                    }
                };
            }
            return modbus.decoder(pending);
        }

        @Override
        public Reply decode(Request request, byte[] frame) throws ProtocolException {
            return modbus.decode(request, frame);
        }

        @Override
        public Optional<DeviceCodec> deviceCodec() {
            return modbus.deviceCodec();
        }
    }

    private static long sentSilentBlocks(SimHarness h, int address) {
        byte[] frame = new SilentBlock(address).frame();
        return h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX
                && f.address() == address && Arrays.equals(f.bytes(), frame)).count();
    }

    @Test
    void aPackSilentOnAnOptionalBlockStaysOnlineAndTheBlockIsAskedOnlyNowAndThen() throws Exception {
        try (SimHarness h = new SimHarness(new WithSilentBlock(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)));
            h.until(Duration.ofSeconds(120), "40 snapshots of each pack",
                    () -> h.events.snapshotsOf(1) >= 40 && h.events.snapshotsOf(2) >= 40);
            assertTrue(bus.packStates().stream().allMatch(s -> s.state() == PackLinkState.ONLINE),
                    bus.packStates()::toString);
            for (int a = 1; a <= 2; a++) {
                assertFalse(Double.isNaN(bus.latest(a).orElseThrow().get(Quantity.VOLTAGE)));
                long asked = sentSilentBlocks(h, a);
                // asked once, then once per 30 polls, and never retried within a poll
                assertTrue(asked >= 1 && asked <= 1 + h.events.snapshotsOf(a) / 30,
                        "pack " + a + " was asked for the silent block " + asked + " times in "
                                + h.events.snapshotsOf(a) + " polls");
            }
            assertEquals(2, h.logs.stream().filter(m -> m.contains("does not answer read a block")).count(),
                    h.logs::toString);
        }
    }

    @Test
    void aPackWithoutTheIdentityBlocksFailsItsIdentityReadButNotItsPolls() throws Exception {
        try (SimHarness h = new SimHarness(new JbdUpProtocol(), 3, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings(JbdUpProtocol.ID, List.of(1, 2, 3)));
            h.until(Duration.ofSeconds(30), "two sweeps", () -> h.events.sweeps >= 2);
            assertTrue(bus.packStates().stream().allMatch(s -> s.state() == PackLinkState.ONLINE),
                    bus.packStates()::toString);
            for (int a = 1; a <= 3; a++) {
                assertEquals(16, bus.latest(a).orElseThrow().cellCount());
                assertFalse(Double.isNaN(bus.latest(a).orElseThrow().get(Quantity.DISCHARGED_CAPACITY_TOTAL)),
                        "the totals block of pack " + a);
            }
            // the board at the port's end of the line serves its identity...
            DeviceIdentity first = h.result(bus.submit(Commands.readIdentity(1)));
            assertEquals(h.sim.pack(1).text("serialNumber"), first.text().get("serialNumber"));
            assertFalse(first.text().getOrDefault("model", "").isEmpty());
            // ...the others stay silent on it, and only that command fails
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> h.result(bus.submit(Commands.readIdentity(2))));
            CommandException c = assertInstanceOf(CommandException.class, e.getCause());
            assertTrue(c.noAnswer(), c.getMessage());
            assertTrue(c.getMessage().contains("answered none of"), c.getMessage());
            long sweeps = h.events.sweeps;
            h.until(Duration.ofSeconds(30), "two more sweeps", () -> h.events.sweeps >= sweeps + 2);
            assertEquals(PackLinkState.ONLINE, bus.packStates().get(1).state());
        }
    }
}
