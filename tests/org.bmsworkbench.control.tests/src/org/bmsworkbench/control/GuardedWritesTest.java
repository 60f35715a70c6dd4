package org.bmsworkbench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.connection.CommandException;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.connection.GuardedCommand;
import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.AuditChain;
import org.bmsworkbench.core.security.AuditLogFile;
import org.bmsworkbench.core.security.PasswordVault;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.sim.CurrentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarded write path on a simulated bus: the real {@code Bus} asks the real {@link GuardedWrites} to admit
 * each write on a poll made just before its first frame, and refuses everything else that would change a pack.
 */
class GuardedWritesTest {

    @TempDir
    Path dir;

    private SimulatedRack rack;
    private AccessControl gate;
    private AuditLogFile audit;
    private GuardedWrites writes;

    @BeforeEach
    void setUp() throws Exception {
        rack = new SimulatedRack(2);
        gate = new AccessControl(new PasswordVault(dir.resolve("access")), Clock.systemUTC(), s -> { });
        audit = new AuditLogFile(dir.resolve("audit.log"));
        writes = new GuardedWrites(rack, rack, gate, audit, Clock.systemUTC());
        rack.guard = writes;
    }

    @AfterEach
    void tearDown() {
        rack.close();
    }

    private void unlock() throws Exception {
        assertTrue(gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray()));
    }

    private List<String> auditLines() throws Exception {
        return Files.readAllLines(audit.file()).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void aChargeThatStartsWhileTheConfirmationIsOpenStopsDfetOff() throws Exception {
        unlock();
        PackWrite<PackSnapshot> dfetOff = PackWrite.control(SimulatedRack.BUS, 1, ControlAction.DFET_OFF);
        Judgement before = writes.judge(dfetOff);
        assertTrue(before.allowed(), "the pack rests: the confirmation is shown " + before);

        // while the person reads the confirmation, a charger starts at 50 A
        rack.sim.pack(1).setProfile(CurrentProfile.constant(50));
        rack.sim.advance(2);

        WriteOutcome<PackSnapshot> outcome = writes.submit(dfetOff).get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.REFUSED, outcome.kind(), outcome.toString());
        assertEquals(Refusal.CHARGING, outcome.refusal());
        assertTrue(outcome.detail().contains("while the pack charges (50."), outcome.detail());
        assertEquals(0, rack.changingFramesSent(), "nothing that changes a pack went on the line");
        assertTrue(rack.sim.pack(1).controlState(ControlAction.DFET_ON), "the discharge FET is still closed");
        List<String> lines = auditLines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\tDFET_OFF\ton\toff\tREQUESTED\t"), lines.get(0));
        assertTrue(lines.get(1).contains("\tDFET_OFF\ton\toff\tREFUSED\tthe discharge FET cannot"), lines.get(1));
    }

    @Test
    void nothingIsSentToAReplayBusAndTheReasonSaysSo() throws Exception {
        unlock();
        PackWrite<PackSnapshot> dfetOff = PackWrite.control("replay-1", 1, ControlAction.DFET_OFF);
        Judgement judged = writes.judge(dfetOff);
        assertFalse(judged.allowed(), judged.toString());
        assertEquals(Refusal.REPLAY, judged.refusal().orElseThrow());
        WriteOutcome<PackSnapshot> outcome = writes.submit(dfetOff).get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.REFUSED, outcome.kind(), outcome.toString());
        assertEquals(Refusal.REPLAY, outcome.refusal());
        assertTrue(outcome.detail().contains("replays a recording: nothing can be sent"), outcome.detail());
        WriteOutcome<ParameterSet> params = writes.submit(PackWrite.restoreDefaults("replay-1", 1))
                .get(20, TimeUnit.SECONDS);
        assertEquals(Refusal.REPLAY, params.refusal());
        assertEquals(0, rack.changingFramesSent());
        List<String> lines = auditLines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\tREFUSED\tthe bus replays a recording"), lines.get(0));
    }

    @Test
    void aWriteTheBusProtocolHasNoFramesForIsRefusedBeforeThePasswordAndAudited() throws Exception {
        rack.judgedProtocol = new org.bmsworkbench.protocol.jbd.JbdProtocol();
        PackWrite<PackSnapshot> dfetOff = PackWrite.control(SimulatedRack.BUS, 1, ControlAction.DFET_OFF);
        Judgement judged = writes.judge(dfetOff);
        assertEquals(Refusal.UNSUPPORTED, judged.refusal().orElseThrow(), "refused while still locked");
        assertEquals(Refusal.UNSUPPORTED, writes.judge(PackWrite.restoreDefaults(SimulatedRack.BUS, 1))
                .refusal().orElseThrow());
        unlock();
        WriteOutcome<PackSnapshot> outcome = writes.submit(dfetOff).get(20, TimeUnit.SECONDS);
        assertEquals(Refusal.UNSUPPORTED, outcome.refusal(), outcome.toString());
        assertTrue(outcome.detail().contains("factory mode"), outcome.detail());
        assertEquals(0, rack.changingFramesSent());
        assertTrue(auditLines().get(0).contains("\tREFUSED\tJBD writes need the factory mode"), auditLines().toString());

        rack.judgedProtocol = rack.protocol;
        assertTrue(writes.judge(dfetOff).refusal().isEmpty(), "the native protocol has the control");
    }

    @Test
    void aControlActionIsSentReadBackAndAuditedInAChain() throws Exception {
        unlock();
        WriteOutcome<PackSnapshot> off = writes.submit(PackWrite.control(SimulatedRack.BUS, 2, ControlAction.DFET_OFF))
                .get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.CONFIRMED, off.kind(), off.toString());
        assertEquals("DFET is now off", off.readBack().text());
        assertFalse(off.value().hasFlag(PackFlag.DFET_ON));
        assertFalse(rack.sim.pack(2).controlState(ControlAction.DFET_ON));
        WriteOutcome<PackSnapshot> on = writes.submit(PackWrite.control(SimulatedRack.BUS, 2, ControlAction.DFET_ON))
                .get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.CONFIRMED, on.kind(), on.toString());
        assertEquals("DFET is now on", on.readBack().text());

        List<String> lines = auditLines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("\tDFET_OFF\ton\toff\tCONFIRMED\tDFET is now off\t"), lines.get(1));
        assertTrue(lines.get(3).contains("\tDFET_ON\toff\ton\tCONFIRMED\tDFET is now on\t"), lines.get(3));
        assertTrue(AuditChain.verify(audit.file()).intact());
    }

    @Test
    void aLockedGateOrACancelledConfirmationSendsNothingAndIsOnRecord() throws Exception {
        PackWrite<PackSnapshot> cfetOff = PackWrite.control(SimulatedRack.BUS, 1, ControlAction.CFET_OFF);
        assertFalse(writes.judge(cfetOff).unlocked());
        WriteOutcome<PackSnapshot> locked = writes.submit(cfetOff).get(20, TimeUnit.SECONDS);
        assertEquals(Refusal.LOCKED, locked.refusal());
        writes.cancelled(cfetOff);
        assertEquals(0, rack.changingFramesSent());
        List<String> lines = auditLines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\tCFET_OFF\ton\toff\tREFUSED\tthe access gate is locked"), lines.get(0));
        assertTrue(lines.get(1).contains("\tCANCELLED\t"), lines.get(1));
    }

    @Test
    void parameterValuesOutsideTheirLimitsNeverReachThePack() throws Exception {
        unlock();
        ParameterSet page = ParameterSet.of(rack.protocol.parameterDefinitions());
        WriteOutcome<ParameterSet> wrong = writes.submit(PackWrite.parameters(SimulatedRack.BUS, 1,
                page.withReadValue("cellHighVoltageAlarm", 7.5))).get(20, TimeUnit.SECONDS);
        assertEquals(Refusal.INVALID, wrong.refusal(), wrong.toString());
        assertTrue(wrong.detail().endsWith("nothing was sent"), wrong.detail());
        assertEquals(0, rack.changingFramesSent());

        WriteOutcome<ParameterSet> low = writes.submit(PackWrite.parameters(SimulatedRack.BUS, 1,
                page.with("cellHighVoltageAlarm", 3.55).with("cellHighVoltageAlarmRecovery", 3.4)))
                .get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.CONFIRMED, low.kind(), low.toString());
        assertEquals(3.55, rack.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
        assertTrue(auditLines().get(auditLines().size() - 1).contains("cellHighVoltageAlarm=3.550 V, cellHighVoltageAlarmRecovery=3.400 V\tCONFIRMED\t2 values read back"), auditLines().toString());
    }

    @Test
    void noCommandChangesAPackAroundTheWriteService() throws Exception {
        unlock();
        // the stock command, queued on the connection service directly
        ExecutionException direct = assertThrows(ExecutionException.class, () -> rack.submit(SimulatedRack.BUS,
                Commands.control(1, ControlAction.DFET_OFF)).result().get(20, TimeUnit.SECONDS));
        assertInstanceOf(CommandException.class, direct.getCause());
        assertTrue(direct.getCause().getMessage().contains("nothing was sent"), direct.getCause().getMessage());
        // a guarded command made elsewhere: the guard did not issue it
        GuardedCommand<Object> forged = new GuardedCommand<>() {
            @Override
            public int address() {
                return 1;
            }

            @Override
            public String label() {
                return "forged DFET off";
            }

            @Override
            public Object run(org.bmsworkbench.connection.CommandContext c) throws Exception {
                return Commands.control(1, ControlAction.DFET_OFF).run(c);
            }
        };
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> rack.submit(SimulatedRack.BUS, forged).result().get(20, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("not issued"), refused.getCause().getMessage());
        assertEquals(0, rack.changingFramesSent());
        assertTrue(rack.sim.pack(1).controlState(ControlAction.DFET_ON));
    }

    @Test
    void aWriteToAClosedBusIsRefusedWithNothingSent() throws Exception {
        unlock();
        rack.bus.close();
        WriteOutcome<PackSnapshot> outcome = writes.submit(PackWrite.control(SimulatedRack.BUS, 1, ControlAction.CFET_OFF))
                .get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Kind.REFUSED, outcome.kind(), outcome.toString());
        assertEquals(Refusal.BUS_NOT_OPEN, outcome.refusal());
        assertEquals(0, rack.changingFramesSent());
    }

    @Test
    void aWriteThatCannotBePutOnRecordIsNotSent() throws Exception {
        unlock();
        // the audit log's place is taken by a folder: nothing can be appended to it
        AuditLogFile unwritable = new AuditLogFile(Files.createDirectories(dir.resolve("blocked")).resolve("audit.log"));
        Files.createDirectories(unwritable.file());
        GuardedWrites guarded = new GuardedWrites(rack, rack, gate, unwritable, Clock.systemUTC());
        rack.guard = guarded;
        PackWrite<PackSnapshot> dfetOff = PackWrite.control(SimulatedRack.BUS, 1, ControlAction.DFET_OFF);
        WriteOutcome<PackSnapshot> outcome = guarded.submit(dfetOff).get(20, TimeUnit.SECONDS);
        assertEquals(Refusal.NOT_ON_RECORD, outcome.refusal(), outcome.toString());
        assertTrue(outcome.detail().endsWith("nothing was sent"), outcome.detail());
        assertEquals(0, rack.changingFramesSent());
        assertThrows(java.io.IOException.class, () -> guarded.cancelled(dfetOff), "a cancel not on record is said");
    }
}
