package org.bmsworkbench.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.control.GuardedWrites;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.core.security.AccessControl;
import org.bmsworkbench.core.security.AuditLogFile;
import org.bmsworkbench.core.security.PasswordVault;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterSet;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.SimPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read, check, write and read back through the guarded path, against simulated packs on the real bus. */
class ParameterServiceTest {

    @TempDir
    Path dir;

    private ParameterRack rack;
    private AccessControl gate;
    private AuditLogFile audit;
    private ParameterService service;

    @BeforeEach
    void setUp() throws Exception {
        rack = new ParameterRack(3);
        gate = new AccessControl(new PasswordVault(dir.resolve("access")), Clock.systemUTC(), s -> { });
        audit = new AuditLogFile(dir.resolve("audit.log"));
        GuardedWrites writes = new GuardedWrites(rack, rack, gate, audit, Clock.systemUTC());
        rack.guard = writes;
        service = new ParameterService(rack, writes, id -> id.equals(rack.protocol.id())
                ? Optional.of(rack.protocol) : Optional.empty());
    }

    @AfterEach
    void tearDown() {
        rack.close();
    }

    private void unlock() throws Exception {
        assertTrue(gate.unlock(PasswordVault.FACTORY_PASSWORD.toCharArray()));
    }

    private ParameterSheet readSheet(int address) throws Exception {
        ParameterSheet sheet = service.newSheet(ParameterRack.BUS);
        sheet.loadDevice(service.read(ParameterRack.BUS, address).get(20, TimeUnit.SECONDS));
        return sheet;
    }

    private List<String> auditLines() throws Exception {
        return Files.readAllLines(audit.file()).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void everyWritableParameterOfTheNativeMapRoundTrips() throws Exception {
        unlock();
        ParameterSheet sheet = readSheet(1);
        assertEquals(sheet.rows().size(), rack.protocol.parameterDefinitions().size());
        // keep the pack's shape and address; move every other row by one step the relations allow
        Set<String> same = Set.of("cellsInSeries", "tempSensorCount", "rs485Address");
        List<String> moved = new ArrayList<>();
        for (ParameterRow r : sheet.rows()) {
            ParameterDefinition d = r.definition();
            double v = r.deviceValue();
            if (same.contains(r.key())) {
                continue;
            }
            double[] tries = d.isChoice() ? new double[] {(v + 1) % d.choices().size()}
                    : new double[] {v + d.resolution(), v - d.resolution()};
            for (double t : tries) {
                if (sheet.enterValue(r.key(), t) == RowState.CHANGED) {
                    moved.add(r.key());
                    break;
                }
                sheet.enterValue(r.key(), v);
            }
        }
        assertTrue(moved.size() > 120, "most rows moved: " + moved.size());
        assertTrue(sheet.check().isEmpty(), sheet.check().toString());
        sheet.setWriteAll(true);
        assertEquals(sheet.rows().size(), sheet.changes().size(), "write all sends every row");
        ParameterSet expected = sheet.enteredValues();

        WriteResult result = service.write(ParameterRack.BUS, 1, sheet).get(30, TimeUnit.SECONDS);
        assertEquals(WriteResult.Kind.WRITTEN, result.kind(), result.toString());
        result.applyTo(sheet);
        for (ParameterRow r : sheet.rows()) {
            assertEquals(expected.value(r.key()), r.deviceValue(), r.definition().resolution() / 2, r.key());
            assertEquals(expected.value(r.key()), rack.sim.pack(1).parameter(r.key()), r.definition().resolution() / 2,
                    r.key() + " on the board");
            assertEquals(RowState.UNCHANGED, r.state(), r.key());
        }
        assertEquals(sheet.rows().size() + 2, auditLines().size(), "REQUESTED, one line per parameter, the outcome");
    }

    @Test
    void aBrokenRelationIsShownOnBothRowsAndNothingGoesOnTheLine() throws Exception {
        unlock();
        ParameterSheet sheet = readSheet(1);
        assertEquals(RowState.INVALID, sheet.enter("cellHighVoltageAlarmRecovery", "3,6"));
        List<SheetProblem> problems = sheet.check();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of("cellHighVoltageAlarmRecovery", "cellHighVoltageAlarm"), problems.get(0).keys());
        assertEquals("Cell high voltage alarm recovery (3.600 V) must be below Cell high voltage alarm (3.550 V)",
                problems.get(0).message());
        assertEquals(RowState.INVALID, sheet.row("cellHighVoltageAlarm").state());
        long before = rack.changingFramesSent();
        WriteResult result = service.write(ParameterRack.BUS, 1, sheet).get(20, TimeUnit.SECONDS);
        assertEquals(WriteResult.Kind.REFUSED, result.kind());
        assertTrue(result.message().endsWith("nothing was sent"), result.message());
        assertEquals(before, rack.changingFramesSent());
        assertEquals(0, before);
        assertEquals(3.45, rack.sim.pack(1).parameter("cellHighVoltageAlarmRecovery"), 1e-9);
    }

    @Test
    void theMapAndTheSimulatedBoardKeepTheSameRelations() {
        assertEquals(new HashSet<>(SimPack.parameterRelations()), new HashSet<>(rack.protocol.parameterRelations()));
        // and the board refuses each one broken on its own
        SimPack pack = rack.sim.pack(2);
        for (var rel : rack.protocol.parameterRelations()) {
            double higher = pack.parameter(rel.higher());
            ParameterDefinition d = rack.protocol.parameterDefinitions().stream()
                    .filter(x -> x.key().equals(rel.lower())).findFirst().orElseThrow();
            double breaking = rel.strict() ? higher : higher + d.resolution();
            if (breaking <= d.maximum()) {
                assertTrue(pack.parameterProblem(Map.of(rel.lower(), breaking)) != null, rel.toString());
            }
        }
    }

    @Test
    void aValueTheBoardClampsIsListedAfterTheWrite() throws Exception {
        unlock();
        rack.clampAt.put("chargeCurrentAlarm", 85.0);
        ParameterSheet sheet = readSheet(1);
        assertEquals(RowState.CHANGED, sheet.enter("chargeCurrentAlarm", "90"));
        assertEquals(List.of("Charging current alarm: 80.000 A \u2192 90.000 A"),
                sheet.changes().stream().map(Change::text).toList());
        WriteResult result = service.write(ParameterRack.BUS, 1, sheet).get(20, TimeUnit.SECONDS);
        assertEquals(WriteResult.Kind.DIFFERS_AFTER_WRITE, result.kind(), result.toString());
        assertEquals(List.of("Charging current alarm: wrote 90.000 A, reads 85.000 A"),
                result.differences().stream().map(ReadBackDifference::text).toList());
        result.applyTo(sheet);
        ParameterRow row = sheet.row("chargeCurrentAlarm");
        assertEquals(RowState.DIFFERS_AFTER_WRITE, row.state());
        assertEquals(85.0, row.deviceValue(), 1e-9);
        assertEquals(90.0, row.enteredValue(), 1e-9);
        List<String> lines = auditLines();
        assertTrue(lines.get(1).contains("\tparameter chargeCurrentAlarm\t80.000 A\t90.000 A\tNOT_CONFIRMED\treads back as 85.000 A\t"),
                lines.get(1));
    }

    @Test
    void aLockedGateSendsNothing() throws Exception {
        ParameterSheet sheet = readSheet(1);
        sheet.enter("socLowAlarm", "12");
        WriteResult result = service.write(ParameterRack.BUS, 1, sheet).get(20, TimeUnit.SECONDS);
        assertEquals(WriteResult.Kind.REFUSED, result.kind());
        assertEquals(Refusal.LOCKED, result.refusal());
        assertEquals(0, rack.changingFramesSent());
        assertTrue(auditLines().stream().anyMatch(l -> l.contains("\tparameter socLowAlarm\t10 %\t12 %\tREFUSED\t")),
                auditLines().toString());
    }

    @Test
    void restoreDefaultsIsItsOwnWriteAndReadOnlyProtocolsSayWhy() throws Exception {
        unlock();
        assertTrue(service.restoreDefaultsSupport(ParameterRack.BUS).supported());
        ParameterSheet sheet = readSheet(1);
        sheet.setRestoreDefaults(true);
        WriteResult result = service.write(ParameterRack.BUS, 1, sheet).get(20, TimeUnit.SECONDS);
        assertEquals(WriteResult.Kind.WRITTEN, result.kind(), result.toString());
        assertTrue(rack.sim.pack(1).controlState(org.bmsworkbench.protocol.ControlAction.RESTORE_DEFAULTS),
                "the board is restoring");

        BmsProtocol pylontech = new PylontechProtocol();
        ParameterService readOnly = new ParameterService(rack, null, id -> Optional.of(pylontech));
        assertTrue(readOnly.readSupport(ParameterRack.BUS).supported());
        Support write = readOnly.writeSupport(ParameterRack.BUS);
        assertFalse(write.supported());
        assertTrue(write.reason().endsWith("has no command that writes parameters: the page is read-only"), write.reason());
        assertFalse(readOnly.restoreDefaultsSupport(ParameterRack.BUS).supported());
    }

    @Test
    void applyToManyReportsTheOfflinePackAndFinishesTheOthers() throws Exception {
        unlock();
        rack.offline.add(2);
        ApplyToMany apply = new ApplyToMany(service);
        List<ApplyToMany.PackResult> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ApplyToMany.PackResult> results = apply.apply(ParameterRack.BUS, List.of(1, 2, 3),
                Map.of("cellHighVoltageAlarm", 3.5, "socLowAlarm", 15.0), false, true, seen::add)
                .get(60, TimeUnit.SECONDS);
        assertEquals(3, results.size(), results.toString());
        assertEquals(ApplyToMany.Status.WRITTEN, results.get(0).status(), results.toString());
        assertEquals(ApplyToMany.Status.OFFLINE, results.get(1).status(), results.toString());
        assertEquals(ApplyToMany.Status.WRITTEN, results.get(2).status(), results.toString());
        assertEquals(results, seen);
        assertEquals(3.5, rack.sim.pack(1).parameter("cellHighVoltageAlarm"), 1e-9);
        assertEquals(3.5, rack.sim.pack(3).parameter("cellHighVoltageAlarm"), 1e-9);
        assertEquals(3.55, rack.sim.pack(2).parameter("cellHighVoltageAlarm"), 1e-9);

        // a set that breaks a relation is refused on the first pack, and the rest are skipped
        rack.offline.clear();
        List<ApplyToMany.PackResult> refused = apply.apply(ParameterRack.BUS, List.of(1, 3),
                Map.of("cellHighVoltageAlarmRecovery", 3.6), false, true, r -> { }).get(60, TimeUnit.SECONDS);
        assertEquals(ApplyToMany.Status.REFUSED, refused.get(0).status());
        assertEquals(ApplyToMany.Status.SKIPPED, refused.get(1).status());
    }
}
