package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.CommandProgress;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.LinkErrorKind;
import org.bmsworkbench.events.LinkStatistics;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;
import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.wire.LineTiming;
import org.junit.jupiter.api.Test;

/** The bus scheduler against the simulated rack: polling, faults, dead packs, commands. */
class BusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static void sameAsBoard(SimHarness h, PackSnapshot read) {
        PackSnapshot board = h.sim.pack(read.address()).snapshot();
        assertEquals(board.cellCount(), read.cellCount(), "cells of pack " + read.address());
        for (int i = 0; i < board.cellCount(); i++) {
            assertEquals(board.cellVoltage(i), read.cellVoltage(i), 0.0005, "pack " + read.address() + " cell " + (i + 1));
        }
        assertEquals(board.temperatureCount(), read.temperatureCount());
        for (int i = 0; i < board.temperatureCount(); i++) {
            assertEquals(board.temperature(i), read.temperature(i), 0.05, "pack " + read.address() + " T" + (i + 1));
        }
        assertEquals(board.get(Quantity.VOLTAGE), read.get(Quantity.VOLTAGE), 0.011);
    }

    @Test
    void pollsEveryPackRoundRobinAndPublishesWholeSnapshots() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 3, 176, 33, LineTiming.none())) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2, 3)));
            Recorder.await(WAIT, "three sweeps", () -> h.events.sweeps >= 3);
            assertEquals(BusState.OPEN, bus.status().state());
            assertEquals(List.of(BusState.OPENING, BusState.OPEN),
                    h.events.buses.stream().map(s -> s.state()).toList().subList(0, 2));
            for (int a = 1; a <= 3; a++) {
                assertTrue(h.events.snapshotsOf(a) >= 3, "snapshots of pack " + a);
                PackSnapshot latest = bus.latest(a).orElseThrow();
                sameAsBoard(h, latest);
            }
            for (PackData d : h.events.snapshots) {
                assertTrue(d.full());
                assertEquals(176, d.snapshot().cellCount());
            }
            // round robin: in the order of the settings, each pack once per sweep
            List<Integer> order = h.events.snapshots.stream().limit(9).map(PackData::address).toList();
            assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2, 3), order);
            assertTrue(bus.packStates().stream().allMatch(s -> s.state() == PackLinkState.ONLINE));
            // a whole poll of a 176-cell pack: summary, cells in two reads of at most 125 registers, sensors
            long txPerPoll = h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX
                    && f.address() == 1).count() / h.events.snapshotsOf(1);
            assertTrue(txPerPoll >= 4 && txPerPoll <= 5, "requests per poll: " + txPerPoll);
        }
    }

    @Test
    void damagedFramesAreDroppedAndCountedAndNeverReachASnapshot() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 176, 33, LineTiming.none())) {
            h.line.faults().set("corrupt=0.08,garbage=0.1,wrong-address=0.05,echo=0.1,drop=0.04");
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2)));
            Recorder.await(Duration.ofSeconds(60), "40 snapshots through the faults", () -> h.events.snapshots.size() >= 40);
            for (PackData d : h.events.snapshots) {
                sameAsBoard(h, d.snapshot());
            }
            LinkStatistics stats = bus.counters().snapshot("bus-t", java.time.Instant.now());
            for (LinkErrorKind kind : List.of(LinkErrorKind.CHECKSUM, LinkErrorKind.GARBAGE,
                    LinkErrorKind.WRONG_ADDRESS, LinkErrorKind.ECHO, LinkErrorKind.TIMEOUT)) {
                assertTrue(stats.errorCount(kind) > 0, kind + " counted: " + stats);
            }
            assertTrue(stats.framesOk() > 150, stats.toString());
            // the communication record holds the damaged receptions with their reason
            assertTrue(h.events.frames.stream().anyMatch(f -> f.error() == LinkErrorKind.TIMEOUT));
            assertTrue(h.events.frames.stream().anyMatch(f -> f.direction() == FrameRecord.Direction.RX && f.ok()
                    && f.note().contains("echo")));
            assertEquals(BusState.OPEN, bus.status().state());
        }
    }

    @Test
    void aSilentPackGoesStaleThenOfflineIsBackedOffAndComesBack() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 3, 16, 4, LineTiming.none())) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2, 3)));
            Recorder.await(WAIT, "all online", () -> bus.packStates().stream()
                    .allMatch(s -> s.state() == PackLinkState.ONLINE));
            h.deaf.add(2);
            Recorder.await(WAIT, "pack 2 offline", () -> bus.packStates().get(1).state() == PackLinkState.OFFLINE);
            List<PackLinkState> seen = h.events.packs.stream().filter(s -> s.address() == 2).map(s -> s.state())
                    .toList();
            assertTrue(seen.contains(PackLinkState.STALE), "stale before offline: " + seen);
            assertNotNull(bus.packStates().get(1).lastGoodAnswer(), "the time of the last good answer is kept");
            // backed off: over the next 2.5 s pack 2 is asked a few times, the others hundreds of times
            int before2 = txTo(h, 2);
            long before1 = h.events.snapshotsOf(1);
            Thread.sleep(2500);
            int probes = txTo(h, 2) - before2;
            long polls1 = h.events.snapshotsOf(1) - before1;
            assertTrue(probes <= 3, "probes of the dead pack: " + probes);
            assertTrue(polls1 > 50, "polls of a live pack meanwhile: " + polls1);
            h.deaf.clear();
            Recorder.await(Duration.ofSeconds(40), "pack 2 back online",
                    () -> bus.packStates().get(1).state() == PackLinkState.ONLINE);
            long n = h.events.snapshotsOf(2);
            Recorder.await(WAIT, "pack 2 polled again", () -> h.events.snapshotsOf(2) > n + 3);
        }
    }

    private static int txTo(SimHarness h, int address) {
        return (int) h.events.frames.stream()
                .filter(f -> f.direction() == FrameRecord.Direction.TX && f.address() == address).count();
    }

    /** A command of n reads of the summary, reporting progress, that can be held at its start. */
    private static final class Reads implements BusCommand<Integer> {
        final int n;
        final Priority priority;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch proceed;
        final List<String> log;

        Reads(int n, Priority priority, boolean hold, List<String> log) {
            this.n = n;
            this.priority = priority;
            this.proceed = new CountDownLatch(hold ? 1 : 0);
            this.log = log;
        }

        @Override
        public String label() {
            return priority + " x" + n;
        }

        @Override
        public Priority priority() {
            return priority;
        }

        @Override
        public Integer run(CommandContext c) throws Exception {
            log.add(label());
            started.countDown();
            assertTrue(proceed.await(10, TimeUnit.SECONDS));
            Request r = c.protocol().requests(Command.ALARM_STATUS, 1).get(0);
            for (int i = 0; i < n; i++) {
                c.progress(i, n, "read " + (i + 1));
                c.transact(r);
                Thread.sleep(2);
            }
            return n;
        }
    }

    @Test
    void commandsRunByPriorityAloneOnTheLineReportProgressAndCanBeCancelled() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 176, 33, new LineTiming(115200, 10, 1))) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2)));
            Recorder.await(WAIT, "open", () -> bus.status().state() == BusState.OPEN && h.events.sweeps > 0);
            List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            Reads blocker = new Reads(1, BusCommand.Priority.TRANSFER, true, order);
            CommandHandle<Integer> first = bus.submit(blocker);
            assertTrue(blocker.started.await(10, TimeUnit.SECONDS));
            CommandHandle<Integer> transfer = bus.submit(new Reads(3, BusCommand.Priority.TRANSFER, false, order));
            CommandHandle<Integer> settings = bus.submit(new Reads(3, BusCommand.Priority.SETTINGS, false, order));
            CommandHandle<Integer> control = bus.submit(new Reads(3, BusCommand.Priority.CONTROL, false, order));
            CommandHandle<Integer> dropped = bus.submit(new Reads(3, BusCommand.Priority.TRANSFER, false, order));
            assertTrue(dropped.cancel());
            blocker.proceed.countDown();
            for (CommandHandle<Integer> c : List.of(first, transfer, settings, control)) {
                assertTrue(c.result().get(20, TimeUnit.SECONDS) > 0);
            }
            assertEquals(List.of("TRANSFER x1", "CONTROL x3", "SETTINGS x3", "TRANSFER x3"), order);
            assertThrows(CancellationException.class, () -> dropped.result().get(1, TimeUnit.SECONDS));
            assertEquals(CommandProgress.State.CANCELLED, dropped.progress().state());
            // progress events: queued, running with steps, succeeded with the total
            List<CommandProgress> p = h.events.progress.stream().filter(x -> x.commandId() == settings.id()).toList();
            assertEquals(CommandProgress.State.QUEUED, p.get(0).state());
            assertTrue(p.stream().anyMatch(x -> x.state() == CommandProgress.State.RUNNING && x.total() == 3
                    && x.detail().equals("read 2")));
            assertEquals(CommandProgress.State.SUCCEEDED, p.get(p.size() - 1).state());
            assertEquals(3, p.get(p.size() - 1).done());
            // no poll frame between the transactions of one command
            List<FrameRecord> tx = h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                    .toList();
            String summary = tx.stream().filter(f -> f.address() == 1).findFirst().orElseThrow().note();
            for (int i = 0; i + 2 < tx.size(); i++) {
                boolean runOfThree = tx.get(i).address() == 1 && tx.get(i + 1).address() == 1
                        && tx.get(i + 2).address() == 1 && tx.get(i).note().equals(summary)
                        && tx.get(i + 1).note().equals(summary) && tx.get(i + 2).note().equals(summary);
                if (runOfThree) {
                    return;
                }
            }
            throw new AssertionError("no command ran its three reads back to back");
        }
    }

    @Test
    void aRunningCommandStopsBetweenTransactionsWhenCancelled() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, new LineTiming(9600, 10, 1))) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1)));
            Recorder.await(WAIT, "open", () -> h.events.sweeps > 0);
            List<String> order = new ArrayList<>();
            Reads longOne = new Reads(200, BusCommand.Priority.TRANSFER, false, order);
            CommandHandle<Integer> handle = bus.submit(longOne);
            Recorder.await(WAIT, "some progress", () -> handle.progress().done() >= 3);
            assertTrue(handle.cancel());
            assertThrows(CancellationException.class, () -> handle.result().get(10, TimeUnit.SECONDS));
            Recorder.await(WAIT, "cancelled", () -> handle.progress().state() == CommandProgress.State.CANCELLED);
            assertTrue(handle.progress().done() < 200);
            long polls = h.events.snapshotsOf(1);
            Recorder.await(WAIT, "polling resumed", () -> h.events.snapshotsOf(1) > polls + 2);
            assertFalse(handle.cancel(), "an ended command cannot be cancelled again");
        }
    }

    @Test
    void parameterWritesAreCheckedBeforeSendingAndAlarmsAreReportedRaisedAndCleared() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, LineTiming.none())) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1)).withPollInterval(20));
            Recorder.await(WAIT, "open", () -> h.events.sweeps > 0);
            ParameterSet page = bus.submit(Commands.readParameters(1)).result().get(20, TimeUnit.SECONDS);
            double alarm = page.value("cellHighVoltageAlarm");
            assertTrue(alarm > 3.4, "the default cell high voltage alarm: " + alarm);

            int txBefore = txTo(h, 1);
            ParameterSet wrong = ParameterSet.of(page.definitions()).withReadValue("cellHighVoltageAlarm", 7.5);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> bus.submit(h.guard.issue(1, Commands.writeParameters(1, wrong))).result().get(20, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("nothing was sent"), e.getCause().getMessage());
            assertTrue(h.events.frames.stream().skip(0).noneMatch(f -> f.direction() == FrameRecord.Direction.TX
                    && f.note().toLowerCase().contains("write")), "no write frame went out");
            assertTrue(txTo(h, 1) >= txBefore);

            ParameterSet low = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", 3.2)
                    .with("cellHighVoltageAlarmRecovery", 3.1);
            ParameterSet back = bus.submit(h.guard.issue(1, Commands.writeParameters(1, low))).result().get(20, TimeUnit.SECONDS);
            assertEquals(3.2, back.value("cellHighVoltageAlarm"), 1e-9);
            Recorder.await(WAIT, "CELL_OV raised", () -> {
                h.sim.advance(2);
                return h.events.flags.stream().anyMatch(f -> f.flag() == PackFlag.CELL_OV && f.raised());
            });
            ParameterSet restore = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", alarm)
                    .with("cellHighVoltageAlarmRecovery", page.value("cellHighVoltageAlarmRecovery"));
            bus.submit(h.guard.issue(1, Commands.writeParameters(1, restore))).result().get(20, TimeUnit.SECONDS);
            Recorder.await(WAIT, "CELL_OV cleared", () -> {
                h.sim.advance(2);
                return h.events.flags.stream().anyMatch(f -> f.flag() == PackFlag.CELL_OV && !f.raised());
            });
        }
    }

    @Test
    void pylontechPacksArePolledWithAnalogAndStatusCommands() throws Exception {
        try (SimHarness h = new SimHarness(new PylontechProtocol(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.open(SimHarness.settings("pylontech", List.of(1, 2)));
            Recorder.await(WAIT, "two sweeps", () -> h.events.sweeps >= 2);
            for (int a = 1; a <= 2; a++) {
                PackSnapshot s = bus.latest(a).orElseThrow();
                sameAsBoard(h, s);
                assertFalse(s.reportedFlagCategories().isEmpty(), "status flags of pack " + a);
            }
        }
    }

    @Test
    void commandsAreRefusedWhileTheBusIsNotOpen() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, LineTiming.none())) {
            Bus bus = new Bus("idle", SimHarness.settings("modbus-native", List.of(1)), h.protocol,
                    () -> {
                        throw new java.io.IOException("no adapter");
                    }, h.events, java.time.Clock.systemUTC(), m -> { });
            bus.setRecovery(10, 20, 1000);
            bus.start();
            Recorder.await(WAIT, "failed", () -> bus.status().state() == BusState.FAILED);
            assertTrue(bus.status().detail().contains("no adapter"), bus.status().detail());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> bus.submit(Commands.readClock(1)));
            assertTrue(e.getMessage().contains("failed"), e.getMessage());
            bus.close();
            assertEquals(BusState.CLOSED, bus.status().state());
        }
    }

    @Test
    void onlyCommandsTheWriteGuardIssuedAndAdmittedChangeAPack() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.open(SimHarness.settings("modbus-native", List.of(1, 2)).withPollInterval(20));
            Recorder.await(WAIT, "open", () -> h.events.sweeps > 0);
            ParameterSet page = bus.submit(Commands.readParameters(1)).result().get(20, TimeUnit.SECONDS);
            ParameterSet low = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", 3.2)
                    .with("cellHighVoltageAlarmRecovery", 3.1);
            double before = h.sim.pack(1).parameter("cellHighVoltageAlarm");

            // a stock command submitted by anyone: refused before its first frame
            ExecutionException direct = assertThrows(ExecutionException.class,
                    () -> bus.submit(Commands.writeParameters(1, low)).result().get(20, TimeUnit.SECONDS));
            assertInstanceOf(CommandException.class, direct.getCause());
            assertTrue(direct.getCause().getMessage().contains("nothing was sent"), direct.getCause().getMessage());
            // a control action, and a raw register write disguised as a read
            assertThrows(ExecutionException.class, () -> bus.submit(Commands.control(1,
                    org.bmsworkbench.protocol.ControlAction.DFET_OFF)).result().get(20, TimeUnit.SECONDS));
            Request disguised = new Request(Command.ANALOG, 1,
                    h.protocol.writeParameters(1, low).get(0).frame(), "read input registers");
            ExecutionException raw = assertThrows(ExecutionException.class, () -> bus.submit(new BusCommand<Object>() {
                @Override
                public String label() {
                    return "a read that writes";
                }

                @Override
                public Object run(CommandContext c) throws Exception {
                    return c.transact(disguised);
                }
            }).result().get(20, TimeUnit.SECONDS));
            assertTrue(raw.getCause().getMessage().startsWith("refused"), raw.getCause().getMessage());
            // a guarded command the guard did not issue, and one issued for pack 2 that writes pack 1
            GuardedCommand<ParameterSet> forged = new TestGuard().issue(1, Commands.writeParameters(1, low));
            assertThrows(ExecutionException.class, () -> bus.submit(forged).result().get(20, TimeUnit.SECONDS));
            assertThrows(ExecutionException.class, () -> bus.submit(h.guard.issue(2, Commands.writeParameters(1, low)))
                    .result().get(20, TimeUnit.SECONDS));
            assertTrue(h.events.frames.stream().noneMatch(f -> f.direction() == FrameRecord.Direction.TX
                    && f.note().toLowerCase().contains("write")), "no write frame went out");
            assertEquals(before, h.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
            assertEquals(1, h.guard.admitted.get(), "only the command for pack 2 was admitted, and only for pack 2");

            // issued and admitted on a snapshot polled just before: it goes through
            ParameterSet back = bus.submit(h.guard.issue(1, Commands.writeParameters(1, low))).result()
                    .get(20, TimeUnit.SECONDS);
            assertEquals(3.2, back.value("cellHighVoltageAlarm"), 1e-9);
            assertEquals(3.2, h.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
            assertEquals(2, h.guard.admitted.get());
            assertTrue(h.guard.lastFresh != null && h.guard.lastFresh.address() == 1);
        }
    }
}
