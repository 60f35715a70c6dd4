package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.FirmwareTarget;

/**
 * One simulated pack and its BMS board, as the {@link Board} the protocols' device side answers for and with
 * the controls a simulation needs (profile, ambient, the true values). The cells follow the physics; the board
 * measures them through imperfect sensors that calibration corrects, judges alarms and protections from its
 * own parameter page, switches its FETs, and keeps a clock, counters, records and a firmware target (see
 * {@link PackModel} and its parts). Thread-safe: every public method takes the pack's lock, and
 * {@link #snapshot()} returns the values of the last completed step.
 */
public final class SimPack implements Board {

    static final int HISTORY_CAPACITY = PackRecords.HISTORY_CAPACITY;
    private static final double ERASE_SECONDS = 3;
    private static final double RESTORE_SECONDS = 1;

    private final PackModel model;

    /**
     * @param definitions the native parameter page, whose ranges the board enforces (may be empty)
     * @param seed        makes the cell differences and sensor errors repeatable
     */
    public SimPack(PackSpec spec, SimClock clock, List<ParameterDefinition> definitions, long seed) {
        this.model = new PackModel(spec, clock, definitions, seed);
    }

    // --- simulation controls (not part of any protocol) ----------------------------------------------------

    /** The rules between parameter rows every simulated board checks before it stores a page. */
    public static List<org.bmsworkbench.model.ParameterRelation> parameterRelations() {
        return BoardParameters.RELATIONS;
    }

    public PackSpec spec() {
        return model.spec;
    }

    public synchronized void setProfile(CurrentProfile profile) {
        model.setProfile(profile);
    }

    public synchronized CurrentProfile profile() {
        return model.profile();
    }

    /** Sets the air temperature around the pack (°C); sensors follow with their thermal time constant. */
    public synchronized void setAmbient(double celsius) {
        model.physics.setAmbient(celsius);
    }

    /** The true pack voltage, what a calibrated meter on the terminals reads. */
    public synchronized double trueVoltage() {
        return model.physics.trueVoltage();
    }

    /** The current that really flows (A, + charge). */
    public synchronized double trueCurrent() {
        return model.physics.current();
    }

    /** The true temperature at sensor 1..n, 34 environment or 35 MOSFET. */
    public synchronized double trueTemperature(int sensor) {
        return model.physics.trueTemperature(sensor);
    }

    /** The true state of charge of cell {@code index} (0-based), percent. */
    public synchronized double trueCellSoc(int index) {
        return model.physics.trueCellSoc(index);
    }

    public synchronized boolean asleep() {
        return model.hibernation.asleep();
    }

    /** Whether the board answers now (not asleep, not waking, not restarting into new firmware). */
    synchronized boolean answering() {
        return model.answering();
    }

    /** A frame for this board arrived; a frame of any address on the line wakes a sleeping board. */
    synchronized void lineActivity(boolean addressed) {
        model.hibernation.lineActivity(addressed, model.clock.seconds());
    }

    /** Advances the pack by {@code dt} seconds of simulated time. */
    synchronized void step(double dt) {
        model.step(dt);
    }

    // --- Board ---------------------------------------------------------------------------------------------

    @Override
    public synchronized int address() {
        return model.page.address();
    }

    @Override
    public synchronized PackSnapshot snapshot() {
        return model.snapshot();
    }

    @Override
    public synchronized double parameter(String key) {
        return model.page.byAnyName(key);
    }

    /** The whole native parameter page, keys in map order. */
    public synchronized Map<String, Double> parameters() {
        return model.page.copy();
    }

    @Override
    public synchronized BoardResult writeParameters(Map<String, Double> values) {
        if (model.busyWith() != null) {
            return model.result(BoardResult.BUSY);
        }
        Map<String, Double> written = model.page.write(values);
        if (written == null) {
            return model.result(BoardResult.INVALID_VALUE);
        }
        if (written.containsKey("storageInterval")) {
            model.records.restartInterval(model.clock.seconds(), model.page.get("storageInterval") * 60);
        }
        return changed(BoardResult.DONE);
    }

    /** Why {@code values} would be refused, or null; for tools that explain a refusal to a person. */
    public synchronized String parameterProblem(Map<String, Double> values) {
        return model.page.problem(values);
    }

    /** The result of a change that may alter what the board reports; a change done shows at once. */
    private BoardResult changed(BoardResult r) {
        if (r == BoardResult.DONE) {
            model.refresh();
        }
        return model.result(r);
    }

    @Override
    public synchronized BoardResult control(ControlAction action) {
        if (model.busyWith() != null) {
            return model.result(BoardResult.BUSY);
        }
        BoardResult r = switch (action) {
            case CFET_OFF, DFET_OFF, CFET_ON, DFET_ON, CHARGE_LIMIT_ON, CHARGE_LIMIT_OFF ->
                model.protections.control(action, model.physics.measuredCurrent());
            case HIBERNATE -> {
                if (Math.abs(model.physics.measuredCurrent()) > model.page.get("standbyCurrentThreshold")) {
                    yield BoardResult.REFUSED_CURRENT_FLOWING;
                }
                model.sleep();
                yield BoardResult.DONE;
            }
            case DELETE_HISTORY, DELETE_ALARMS -> {
                model.startLongOperation(action, ERASE_SECONDS);
                yield BoardResult.DONE;
            }
            case RESTORE_DEFAULTS -> {
                model.startLongOperation(action, RESTORE_SECONDS);
                yield BoardResult.DONE;
            }
        };
        model.refresh();
        return model.result(r);
    }

    @Override
    public synchronized boolean controlState(ControlAction action) {
        return switch (action) {
            case CFET_ON -> model.cfetOn();
            case CFET_OFF -> !model.cfetOn();
            case DFET_ON -> model.dfetOn();
            case DFET_OFF -> !model.dfetOn();
            case CHARGE_LIMIT_ON -> model.protections.limiterOn();
            case CHARGE_LIMIT_OFF -> !model.protections.limiterOn();
            case DELETE_HISTORY, DELETE_ALARMS, RESTORE_DEFAULTS -> model.busyWith() == action;
            case HIBERNATE -> false;
        };
    }

    @Override
    public synchronized LocalDateTime clock() {
        return model.boardTime();
    }

    @Override
    public synchronized BoardResult setClock(LocalDateTime time) {
        if (time.getYear() < 2000 || time.getYear() > 2099) {
            return model.result(BoardResult.INVALID_VALUE);
        }
        LocalDateTime now = model.clock.start().plusSeconds((long) Math.floor(model.clock.seconds()));
        model.setClockOffset(ChronoUnit.SECONDS.between(now, time.withNano(0)));
        return model.result(BoardResult.DONE);
    }

    @Override
    public synchronized String text(String name) {
        return model.texts.get(name);
    }

    @Override
    public synchronized BoardResult setText(String name, String value) {
        return model.result(model.texts.set(name, value));
    }

    @Override
    public synchronized BoardResult configure(Map<String, Double> values) {
        if (model.busyWith() != null) {
            return model.result(BoardResult.BUSY);
        }
        return changed(model.gauge.configure(values));
    }

    @Override
    public synchronized BoardResult calibrateVoltage(double trueVolts) {
        return changed(model.physics.calibration().calibrateVoltage(model.physics.measuredVoltage(), trueVolts));
    }

    @Override
    public synchronized BoardResult calibrateCurrentZero() {
        if (Math.abs(model.physics.measuredCurrent()) > 0.02 * model.page.get("shuntRating")) {
            return model.result(BoardResult.REFUSED_CURRENT_FLOWING);
        }
        model.physics.zeroCurrent();
        return changed(BoardResult.DONE);
    }

    @Override
    public synchronized double measuredTemperature(int sensor) {
        return model.physics.measuredTemperature(sensor);
    }

    @Override
    public synchronized BoardResult calibrateTemperature(int sensor, double trueCelsius) {
        return changed(model.physics.calibration().calibrateTemperature(sensor,
                model.physics.measuredTemperature(sensor), trueCelsius));
    }

    @Override
    public synchronized BoardResult resetCalibration(int what, int sensor) {
        return changed(model.physics.calibration().reset(what, sensor));
    }

    @Override
    public synchronized int calibrationStatus() {
        return model.physics.calibration().status();
    }

    @Override
    public synchronized boolean busy() {
        return model.busyWith() != null;
    }

    // the record rings lock themselves, so the host reads records without waiting for a step

    @Override
    public int historyCount() {
        return model.records.historyCount();
    }

    @Override
    public HistoryRecord history(int index) {
        return model.records.history(index);
    }

    @Override
    public int alarmCount() {
        return model.records.alarmCount();
    }

    @Override
    public AlarmRecord alarm(int index) {
        return model.records.alarm(index);
    }

    /**
     * Gives the board a past: {@code data} data records, one a minute up to now, and {@code alarms} alarm records
     * (as {@code records=} of a simulated bus spec); the rings keep their capacity.
     */
    public synchronized void storePastRecords(int data, int alarms) {
        model.records.backfill(data, alarms, model.boardTime(), OperatingMode.IDLE, snapshot());
    }

    /** Records the ring dropped because it was full. */
    public long droppedRecords() {
        return model.records.dropped();
    }

    @Override
    public synchronized int lastResult() {
        return model.lastResult();
    }

    @Override
    public synchronized void lastResult(BoardResult result) {
        model.lastResult(result.code());
    }

    @Override
    public FirmwareTarget firmware() {
        return model.firmware;
    }
}
