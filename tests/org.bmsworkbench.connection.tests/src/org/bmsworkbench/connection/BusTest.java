package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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

/**
 * The bus scheduler against the simulated rack: polling, line faults, dead packs, commands and the write
 * guard, on the virtual clock, where every time is exact and nothing waits for wall-clock time to pass.
 */
class BusTest {

    /** Virtual time for what takes the simulated boards a while, e.g. a cell to charge past an alarm. */
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Virtual time a test gives the bus for what takes it a few polls. */
    private static final Duration SOON = Duration.ofSeconds(10);

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
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2, 3)));
            h.until(SOON, "three sweeps", () -> h.events.sweeps >= 3);
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
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)));
            h.until(Duration.ofSeconds(60), "40 snapshots through the faults", () -> h.events.snapshots.size() >= 40);
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
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2, 3)));
            h.clock.runFor(Duration.ofSeconds(1));
            assertTrue(bus.packStates().stream().allMatch(s -> s.state() == PackLinkState.ONLINE), "all online");
            h.deaf.add(2);
            h.until(SOON, "pack 2 offline", () -> bus.packStates().get(1).state() == PackLinkState.OFFLINE);
            List<PackLinkState> seen = h.events.packs.stream().filter(s -> s.address() == 2).map(s -> s.state())
                    .toList();
            assertEquals(PackLinkState.STALE, seen.get(seen.size() - 2), "stale before offline: " + seen);
            assertNotNull(bus.packStates().get(1).lastGoodAnswer(), "the time of the last good answer is kept");
            Instant offline = bus.packStates().get(1).time();

            // backed off: over the next 2.5 s pack 2 is asked a few times, the others dozens of times
            int before2 = txTo(h, 2);
            long before1 = h.events.snapshotsOf(1);
            h.clock.runFor(Duration.ofMillis(2500));
            int probes = txTo(h, 2) - before2;
            long polls1 = h.events.snapshotsOf(1) - before1;
            assertTrue(probes >= 1 && probes <= 3, "probes of the dead pack: " + probes);
            assertTrue(polls1 > 50, "polls of a live pack meanwhile: " + polls1);

            // probed after 1, 2, 4 ... 30 s, each probe one request without retry (its 200 ms timeout comes on top)
            long polls1Before = h.events.snapshotsOf(1);
            h.clock.runFor(Duration.ofSeconds(90));
            List<Instant> probeTimes = h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX
                    && f.address() == 2 && f.time().isAfter(offline)).map(FrameRecord::time).toList();
            List<Long> expected = List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
            assertTrue(probeTimes.size() >= expected.size(), "probes: " + probeTimes);
            Instant previous = offline;
            for (int i = 0; i < expected.size(); i++) {
                long gap = Duration.between(previous, probeTimes.get(i)).toMillis();
                long backoff = expected.get(i) + (i == 0 ? 0 : 200);
                assertTrue(gap >= backoff && gap <= backoff + 100, "probe " + (i + 1) + " after " + gap + " ms, expected "
                        + backoff + ": " + probeTimes);
                previous = probeTimes.get(i);
            }
            assertEquals(PackLinkState.OFFLINE, bus.packStates().get(1).state());
            assertTrue(h.events.snapshotsOf(1) - polls1Before > 1500, "the live pack kept being polled");

            // while online, a pack's state is refreshed once a second, not on every poll
            List<Instant> refreshes = h.events.packs.stream().filter(s -> s.address() == 1
                    && s.state() == PackLinkState.ONLINE && s.time().isAfter(offline)).map(s -> s.time()).toList();
            assertTrue(refreshes.size() >= 90, "refreshes: " + refreshes.size());
            for (int i = 1; i < refreshes.size(); i++) {
                long gap = Duration.between(refreshes.get(i - 1), refreshes.get(i)).toMillis();
                // a probe's 200 ms timeout may hold the line when the second is up
                assertTrue(gap >= 1000 && gap < 1250, "refresh after " + gap + " ms");
            }

            h.deaf.clear();
            h.until(Duration.ofSeconds(31), "pack 2 back online", () -> bus.packStates().get(1).state() == PackLinkState.ONLINE);
            // the answered probe is followed at once by a full poll of the same pack
            List<FrameRecord> tx = h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                    .toList();
            int lastProbe = tx.size() - 1;
            while (tx.get(lastProbe).address() != 2 || tx.get(lastProbe - 1).address() == 2) {
                lastProbe--;
            }
            assertEquals(2, tx.get(lastProbe + 1).address(), "a full poll right after the probe: " + tx.subList(lastProbe, tx.size()));
            long n = h.events.snapshotsOf(2);
            h.until(SOON, "pack 2 polled again", () -> h.events.snapshotsOf(2) > n + 3);
        }
    }

    @Test
    void eachPackIsPolledAtMostOncePerPollInterval() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 16, 4, LineTiming.none())) {
            h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)).withPollInterval(100));
            h.clock.runFor(Duration.ofSeconds(5));
            for (int a = 1; a <= 2; a++) {
                int address = a;
                List<Instant> times = h.events.snapshots.stream().filter(d -> d.address() == address)
                        .map(d -> d.snapshot().time()).toList();
                assertTrue(times.size() >= 49 && times.size() <= 51, "polls of pack " + a + " in 5 s: " + times.size());
                for (int i = 1; i < times.size(); i++) {
                    long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
                    assertTrue(gap >= 100 && gap <= 101, "pack " + a + " polled again after " + gap + " ms");
                }
            }
            // the line is idle between the polls, and link statistics go out at most once a second
            List<Instant> stats = h.events.links.stream().map(s -> s.time()).toList();
            for (int i = 1; i < stats.size(); i++) {
                assertTrue(Duration.between(stats.get(i - 1), stats.get(i)).toMillis() >= 1000, "statistics: " + stats);
            }
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
            }
            return n;
        }
    }

    @Test
    void commandsRunByPriorityAloneOnTheLineReportProgressAndCanBeCancelled() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 176, 33, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)));
            h.until(SOON, "open", () -> bus.status().state() == BusState.OPEN && h.events.sweeps > 0);
            List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            Reads blocker = new Reads(1, BusCommand.Priority.TRANSFER, true, order);
            CommandHandle<Integer> first = bus.submit(blocker);
            // the first command holds the bus thread until the test lets it go: no step of time would end
            for (int i = 0; i < 1000 && blocker.started.getCount() > 0; i++) {
                h.clock.runFor(Duration.ofMillis(10), () -> blocker.started.getCount() == 0);
            }
            assertEquals(0, blocker.started.getCount(), "the first command started");
            CommandHandle<Integer> transfer = bus.submit(new Reads(3, BusCommand.Priority.TRANSFER, false, order));
            CommandHandle<Integer> settings = bus.submit(new Reads(3, BusCommand.Priority.SETTINGS, false, order));
            CommandHandle<Integer> control = bus.submit(new Reads(3, BusCommand.Priority.CONTROL, false, order));
            CommandHandle<Integer> dropped = bus.submit(new Reads(3, BusCommand.Priority.TRANSFER, false, order));
            assertTrue(dropped.cancel());
            blocker.proceed.countDown();
            for (CommandHandle<Integer> c : List.of(first, transfer, settings, control)) {
                assertTrue(h.result(c) > 0);
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
    void queuedStepsOfATransferLetOneDuePollGoFirstEach() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)).withPollInterval(0));
            h.until(SOON, "open", () -> bus.status().state() == BusState.OPEN && h.events.sweeps > 0);
            // each step notes the frames sent so far when it starts and when it ends
            List<long[]> marks = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<CommandHandle<Integer>> steps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                steps.add(bus.submit(new BusCommand<Integer>() {
                    @Override
                    public String label() {
                        return "step";
                    }

                    @Override
                    public Priority priority() {
                        return Priority.TRANSFER;
                    }

                    @Override
                    public Integer run(CommandContext c) throws Exception {
                        long start = h.events.frames.stream().filter(f -> f.direction() == FrameRecord.Direction.TX)
                                .count();
                        c.transact(c.protocol().requests(Command.ALARM_STATUS, 1).get(0));
                        marks.add(new long[] { start, start + 1 });
                        return 1;
                    }
                }));
            }
            for (CommandHandle<Integer> c : steps) {
                assertEquals(1, h.result(c));
            }
            assertEquals(6, marks.size());
            for (int i = 1; i < marks.size(); i++) {
                assertTrue(marks.get(i)[0] > marks.get(i - 1)[1], "a poll between steps " + i + " and " + (i + 1));
            }
        }
    }

    @Test
    void aRunningCommandStopsBetweenTransactionsWhenCancelled() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1)));
            h.until(SOON, "open", () -> h.events.sweeps > 0);
            List<String> order = new ArrayList<>();
            Reads longOne = new Reads(200, BusCommand.Priority.TRANSFER, false, order);
            CommandHandle<Integer> handle = bus.submit(longOne);
            h.until(SOON, "some progress", () -> handle.progress().done() >= 3);
            assertTrue(handle.cancel());
            assertThrows(CancellationException.class, () -> h.result(handle));
            h.until(SOON, "cancelled", () -> handle.progress().state() == CommandProgress.State.CANCELLED);
            assertTrue(handle.progress().done() < 200);
            long polls = h.events.snapshotsOf(1);
            h.until(SOON, "polling resumed", () -> h.events.snapshotsOf(1) > polls + 2);
            assertFalse(handle.cancel(), "an ended command cannot be cancelled again");
        }
    }

    @Test
    void parameterWritesAreCheckedBeforeSendingAndAlarmsAreReportedRaisedAndCleared() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1)).withPollInterval(20));
            h.until(SOON, "open", () -> h.events.sweeps > 0);
            ParameterSet page = h.result(bus.submit(Commands.readParameters(1)));
            double alarm = page.value("cellHighVoltageAlarm");
            assertTrue(alarm > 3.4, "the default cell high voltage alarm: " + alarm);

            int txBefore = txTo(h, 1);
            ParameterSet wrong = ParameterSet.of(page.definitions()).withReadValue("cellHighVoltageAlarm", 7.5);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> h.result(bus.submit(h.guard.issue(1, Commands.writeParameters(1, wrong)))));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("nothing was sent"), e.getCause().getMessage());
            assertTrue(h.events.frames.stream().skip(0).noneMatch(f -> f.direction() == FrameRecord.Direction.TX
                    && f.note().toLowerCase().contains("write")), "no write frame went out");
            assertTrue(txTo(h, 1) >= txBefore);

            ParameterSet low = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", 3.2)
                    .with("cellHighVoltageAlarmRecovery", 3.1);
            ParameterSet back = h.result(bus.submit(h.guard.issue(1, Commands.writeParameters(1, low))));
            assertEquals(3.2, back.value("cellHighVoltageAlarm"), 1e-9);
            h.until(WAIT, "CELL_OV raised", () -> {
                h.sim.advance(2);
                return h.events.flags.stream().anyMatch(f -> f.flag() == PackFlag.CELL_OV && f.raised());
            });
            ParameterSet restore = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", alarm)
                    .with("cellHighVoltageAlarmRecovery", page.value("cellHighVoltageAlarmRecovery"));
            h.result(bus.submit(h.guard.issue(1, Commands.writeParameters(1, restore))));
            h.until(WAIT, "CELL_OV cleared", () -> {
                h.sim.advance(2);
                return h.events.flags.stream().anyMatch(f -> f.flag() == PackFlag.CELL_OV && !f.raised());
            });
        }
    }

    @Test
    void pylontechPacksArePolledWithAnalogAndStatusCommands() throws Exception {
        try (SimHarness h = new SimHarness(new PylontechProtocol(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("pylontech", List.of(1, 2)));
            h.until(SOON, "two sweeps", () -> h.events.sweeps >= 2);
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
                    }, h.events, h.clock, m -> { }, () -> WriteGuard.NONE);
            bus.setRecovery(10, 20, 1000);
            bus.start();
            h.until(SOON, "failed", () -> bus.status().state() == BusState.FAILED);
            assertTrue(bus.status().detail().contains("no adapter"), bus.status().detail());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> bus.submit(Commands.readClock(1)));
            assertTrue(e.getMessage().contains("failed"), e.getMessage());
            bus.close();
            assertEquals(BusState.CLOSED, bus.status().state());
        }
    }

    @Test
    void aControlTheBoardRefusesIsReportedWithTheBoardsReason() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 1, 16, 4, LineTiming.none())) {
            h.sim.pack(1).setProfile(org.bmsworkbench.sim.CurrentProfile.constant(50));
            h.sim.advance(5);
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1)).withPollInterval(20));
            h.until(SOON, "open", () -> h.events.sweeps > 0);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> h.result(bus.submit(
                    h.guard.issue(1, Commands.control(1, org.bmsworkbench.protocol.ControlAction.DFET_OFF)))));
            String message = refused.getCause().getMessage();
            // the board's exception 04 alone says "server device failure"; its result register says why
            assertTrue(message.startsWith("pack 1 refused "), message);
            assertTrue(message.endsWith(": refused: the discharge FET cannot be turned off while charging (code 4)"),
                    message);
            assertTrue(h.sim.pack(1).controlState(org.bmsworkbench.protocol.ControlAction.DFET_ON));
        }
    }

    @Test
    void onlyCommandsTheWriteGuardIssuedAndAdmittedChangeAPack() throws Exception {
        try (SimHarness h = new SimHarness(new NativeModbusProtocol(), 2, 16, 4, LineTiming.none())) {
            Bus bus = h.openOnClock(SimHarness.settings("modbus-native", List.of(1, 2)).withPollInterval(20));
            h.until(SOON, "open", () -> h.events.sweeps > 0);
            ParameterSet page = h.result(bus.submit(Commands.readParameters(1)));
            ParameterSet low = ParameterSet.of(page.definitions()).with("cellHighVoltageAlarm", 3.2)
                    .with("cellHighVoltageAlarmRecovery", 3.1);
            double before = h.sim.pack(1).parameter("cellHighVoltageAlarm");

            // a stock command submitted by anyone: refused before its first frame
            ExecutionException direct = assertThrows(ExecutionException.class,
                    () -> h.result(bus.submit(Commands.writeParameters(1, low))));
            assertInstanceOf(CommandException.class, direct.getCause());
            assertTrue(direct.getCause().getMessage().contains("nothing was sent"), direct.getCause().getMessage());
            // a control action, and a raw register write disguised as a read
            assertThrows(ExecutionException.class, () -> h.result(bus.submit(Commands.control(1,
                    org.bmsworkbench.protocol.ControlAction.DFET_OFF))));
            Request disguised = new Request(Command.ANALOG, 1,
                    h.protocol.writeParameters(1, low).get(0).frame(), "read input registers");
            ExecutionException raw = assertThrows(ExecutionException.class, () -> h.result(bus.submit(new BusCommand<Object>() {
                @Override
                public String label() {
                    return "a read that writes";
                }

                @Override
                public Object run(CommandContext c) throws Exception {
                    return c.transact(disguised);
                }
            })));
            assertTrue(raw.getCause().getMessage().startsWith("refused"), raw.getCause().getMessage());
            // a guarded command the guard did not issue, and one issued for pack 2 that writes pack 1
            GuardedCommand<ParameterSet> forged = new TestGuard().issue(1, Commands.writeParameters(1, low));
            assertThrows(ExecutionException.class, () -> h.result(bus.submit(forged)));
            assertThrows(ExecutionException.class, () -> h.result(bus.submit(h.guard.issue(2, Commands.writeParameters(1, low)))
                    ));
            assertTrue(h.events.frames.stream().noneMatch(f -> f.direction() == FrameRecord.Direction.TX
                    && f.note().toLowerCase().contains("write")), "no write frame went out");
            assertEquals(before, h.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
            assertEquals(1, h.guard.admitted.get(), "only the command for pack 2 was admitted, and only for pack 2");

            // issued and admitted on a snapshot polled just before: it goes through
            ParameterSet back = h.result(bus.submit(h.guard.issue(1, Commands.writeParameters(1, low))));
            assertEquals(3.2, back.value("cellHighVoltageAlarm"), 1e-9);
            assertEquals(3.2, h.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
            assertEquals(2, h.guard.admitted.get());
            assertTrue(h.guard.lastFresh != null && h.guard.lastFresh.address() == 1);
        }
    }
}
