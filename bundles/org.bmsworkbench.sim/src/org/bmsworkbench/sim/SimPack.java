package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * One simulated pack and its BMS board, and the {@link Board} the protocols' device side answers for. The
 * pack is made of {@link PackPhysics} (cells, heat, sensors), a {@link FuelGauge}, {@link Protections},
 * {@link PackRecords}, {@link BoardTexts} and a {@link SimFirmware} target; this class steps them in a fixed
 * order, owns the board's sleep, clock and long operations, and turns Board calls into their calls.
 * Thread-safe: every public method takes the pack's lock, and {@link #snapshot()} returns the values of the
 * last completed step.
 */
public final class SimPack implements Board {

    static final int HISTORY_CAPACITY = PackRecords.HISTORY_CAPACITY;
    static final int ALARM_CAPACITY = PackRecords.ALARM_CAPACITY;
    private static final double ERASE_SECONDS = 3;
    private static final double RESTORE_SECONDS = 1;
    private static final double WAKE_SECONDS = 1;

    private final PackSpec spec;
    private final SimClock clock;
    private final ParameterPage page;
    private final PackPhysics physics;
    private final FuelGauge gauge;
    private final BoardTexts texts;
    private final Protections protections;
    private final SnapshotBuilder snapshots;
    private final PackRecords records;
    private final SimFirmware firmware;
    private final double limiterCurrent;
    private CurrentProfile profile;
    private double requested;
    // board state
    private boolean asleep;
    private double wakeAt = Double.NaN;
    private double lastAddressed;
    private double standbySince;
    private long clockOffsetSeconds;
    private double busyUntil = Double.NaN;
    private ControlAction busyWith;
    private int lastResult;
    private PackSnapshot snapshot;

    /**
     * @param definitions the native parameter page, whose ranges the board enforces (may be empty)
     * @param seed        makes the cell differences and sensor errors repeatable
     */
    public SimPack(PackSpec spec, SimClock clock, List<ParameterDefinition> definitions, long seed) {
        this.spec = spec;
        this.clock = clock;
        // one generator in a fixed order of draws: physics, gauge, texts, then the noise of every step
        Random random = new Random(seed * 1_000_003L + spec.address());
        this.page = new ParameterPage(spec, definitions);
        this.physics = new PackPhysics(spec, random);
        this.gauge = new FuelGauge(spec, random);
        this.texts = new BoardTexts(spec, random);
        this.protections = new Protections(page, spec);
        this.snapshots = new SnapshotBuilder(page, physics, gauge, protections);
        this.records = new PackRecords(new PackRecords.Source() {
            @Override
            public LocalDateTime time() {
                return boardTime();
            }

            @Override
            public OperatingMode mode() {
                return SimPack.this.mode();
            }

            @Override
            public PackSnapshot values() {
                return buildSnapshot();
            }
        });
        this.limiterCurrent = Protections.limiterCurrent(spec);
        profile = CurrentProfile.rest();
        firmware = new SimFirmware(new SimFirmware.Host() {
            @Override
            public double now() {
                return clock.seconds();
            }

            @Override
            public boolean currentFlowing() {
                return Math.abs(physics.measuredCurrent()) > page.get("standbyCurrentThreshold");
            }

            @Override
            public String hardwareVersion() {
                return texts.get("hardwareVersion");
            }

            @Override
            public String softwareVersion() {
                return texts.get("softwareVersion");
            }

            @Override
            public void restartInto(String version) {
                texts.softwareVersion(version);
                protections.releaseHolds();
            }
        });
        records.restartInterval(clock.seconds(), page.get("storageInterval") * 60);
        lastAddressed = clock.seconds();
        standbySince = clock.seconds();
        physics.integrateCells(0);
        physics.measureCurrent();
        snapshot = buildSnapshot();
    }

    // --- simulation controls (not part of any protocol) ----------------------------------------------------

    public PackSpec spec() {
        return spec;
    }

    public synchronized void setProfile(CurrentProfile profile) {
        this.profile = profile;
    }

    public synchronized CurrentProfile profile() {
        return profile;
    }

    /** Sets the air temperature around the pack (°C); sensors follow with their thermal time constant. */
    public synchronized void setAmbient(double celsius) {
        physics.setAmbient(celsius);
    }

    /** The true pack voltage, what a calibrated meter on the terminals reads. */
    public synchronized double trueVoltage() {
        return physics.trueVoltage();
    }

    /** The current that really flows (A, + charge). */
    public synchronized double trueCurrent() {
        return physics.current();
    }

    /** The true temperature at sensor 1..n, 34 environment or 35 MOSFET. */
    public synchronized double trueTemperature(int sensor) {
        return physics.trueTemperature(sensor);
    }

    /** The true state of charge of cell {@code index} (0-based), percent. */
    public synchronized double trueCellSoc(int index) {
        return physics.trueCellSoc(index);
    }

    public synchronized boolean asleep() {
        return asleep;
    }

    /** Whether the board answers now (not asleep, not waking, not restarting into new firmware). */
    synchronized boolean answering() {
        return !asleep && !firmware.restarting();
    }

    /** A frame for this board arrived; a frame of any address on the line wakes a sleeping board. */
    synchronized void lineActivity(boolean addressed) {
        if (addressed) {
            lastAddressed = clock.seconds();
        }
        if (asleep && Double.isNaN(wakeAt)) {
            wakeAt = clock.seconds() + WAKE_SECONDS;
        }
    }

    // --- one step ------------------------------------------------------------------------------------------

    /** Advances the pack by {@code dt} seconds of simulated time. */
    synchronized void step(double dt) {
        double now = clock.seconds();
        firmware.step();
        if (!Double.isNaN(busyUntil) && now >= busyUntil) {
            finishBusy();
        }
        requested = profile.current(view(), dt);
        if (asleep) {
            if (requested > 0 && Double.isNaN(wakeAt)) {
                wakeAt = now; // a charger voltage on the port wakes the board at once
            }
            if (!Double.isNaN(wakeAt) && now >= wakeAt) {
                wake();
            }
        }
        double flow = requested > 0 ? (cfetOn() ? requested : 0) : (dfetOn() ? requested : 0);
        if (protections.limiterOn() && flow > limiterCurrent) {
            flow = limiterCurrent;
        }
        physics.setCurrent(flow);
        physics.integrateCells(dt);
        physics.integrateTemperatures(dt, now, protections.heating(), protections.radiating());
        double measured = physics.measureCurrent();
        if (!asleep && dt != 0) {
            gauge.count(measured, dt, physics.measuredVoltage());
        }
        physics.findCellExtremes();
        if (!asleep) {
            physics.balance((int) page.get("balanceMode"), page.get("standbyCurrentThreshold"),
                    page.get("balanceStartVoltage"), page.get("balanceStartDifference"));
            judge(dt, now);
            records.step(now, page.get("storageInterval") * 60);
            dormancy(now);
        } else {
            physics.balancing().clear();
        }
        snapshot = buildSnapshot();
    }

    private CurrentProfile.PackView view() {
        return new CurrentProfile.PackView() {
            @Override
            public double soc() {
                return gauge.soc();
            }

            @Override
            public double maxCellVoltage() {
                return physics.trueMaxCellVoltage();
            }

            @Override
            public double designCapacity() {
                return page.get("designCapacity");
            }

            @Override
            public double fullChargeCellVoltage() {
                return page.get("fullChargeCellVoltage");
            }

            @Override
            public boolean fullCharge() {
                return gauge.fullCharge();
            }

            @Override
            public boolean chargeBlocked() {
                return !cfetOn();
            }

            @Override
            public boolean dischargeBlocked() {
                return !dfetOn();
            }
        };
    }

    private boolean cfetOn() {
        return protections.cfetOn(!asleep && !firmware.restarting());
    }

    private boolean dfetOn() {
        return protections.dfetOn(!asleep && !firmware.restarting());
    }

    private void judge(double dt, double now) {
        double tMax = Double.NaN;
        double tMin = Double.NaN;
        for (int j = 0; j < physics.sensors(); j++) {
            double t = physics.measuredSensor(j);
            tMax = Double.isNaN(tMax) ? t : Math.max(tMax, t);
            tMin = Double.isNaN(tMin) ? t : Math.min(tMin, t);
        }
        double env = physics.measuredEnvironment();
        if (Double.isNaN(tMax)) {
            tMax = env; // a pack without cell sensors judges its cell temperatures by the environment
            tMin = env;
        }
        double max = physics.cellMax();
        double min = physics.cellMin();
        double current = physics.current();
        double measured = physics.measuredCurrent();
        List<Protections.Change> changes = protections.judge(new Protections.Readings(max, min,
                physics.measuredVoltage(), tMax, tMin, env, physics.measuredMosfet(), gauge.soc(), measured, current,
                requested), dt, now);
        gauge.learn(current > 0 && max >= page.get("fullChargeCellVoltage") - 0.01
                && current <= Math.max(limiterCurrent, 0.1 * spec.capacityAh()),
                min <= page.get("cellUnderVoltageProtection") && current < 0);
        if (Math.abs(measured) > page.get("standbyCurrentThreshold")) {
            standbySince = now;
        }
        for (Protections.Change c : changes) {
            records.alarm(c.flag(), c.cleared(), protections.active());
        }
    }

    private void dormancy(double now) {
        double delay = page.get("dormancyDelay") * 60;
        if (page.enabled("enableDormancy") && now - standbySince >= delay && now - lastAddressed >= delay) {
            sleep();
        }
    }

    private void sleep() {
        asleep = true;
        wakeAt = Double.NaN;
        physics.balancing().clear();
        protections.sleep();
        physics.setCurrent(0);
    }

    private void wake() {
        asleep = false;
        wakeAt = Double.NaN;
        protections.releaseHolds();
        lastAddressed = clock.seconds();
        standbySince = clock.seconds();
    }

    private OperatingMode mode() {
        double standby = page.get("standbyCurrentThreshold");
        double measured = physics.measuredCurrent();
        return measured > standby ? OperatingMode.CHARGE
                : measured < -standby ? OperatingMode.DISCHARGE : OperatingMode.IDLE;
    }

    private void finishBusy() {
        switch (busyWith) {
            case DELETE_HISTORY -> records.clearHistory();
            case DELETE_ALARMS -> records.clearAlarms();
            case RESTORE_DEFAULTS -> page.restoreDefaults();
            default -> throw new IllegalStateException("no long operation " + busyWith);
        }
        busyWith = null;
        busyUntil = Double.NaN;
        lastResult = 0;
    }

    private LocalDateTime boardTime() {
        return clock.start().plusSeconds((long) Math.floor(clock.seconds()) + clockOffsetSeconds);
    }

    private PackSnapshot buildSnapshot() {
        return snapshots.build(cfetOn(), dfetOn(), requested);
    }

    /** Remembers the result for the host's "last result" read; a refused value leaves the previous one. */
    private BoardResult result(BoardResult r) {
        lastResult = r == BoardResult.INVALID_VALUE ? lastResult : r.code();
        return r;
    }

    /** The result of a change that may alter what the board reports, which then shows at once. */
    private BoardResult changed(BoardResult r) {
        if (r == BoardResult.DONE) {
            snapshot = buildSnapshot();
        }
        return result(r);
    }

    // --- Board ---------------------------------------------------------------------------------------------

    @Override
    public synchronized int address() {
        return page.address();
    }

    @Override
    public synchronized PackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized double parameter(String key) {
        return page.byAnyName(key);
    }

    /** The whole native parameter page, keys in map order. */
    public synchronized Map<String, Double> parameters() {
        return page.copy();
    }

    @Override
    public synchronized BoardResult writeParameters(Map<String, Double> values) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        Map<String, Double> written = page.write(values);
        if (written == null) {
            return result(BoardResult.INVALID_VALUE);
        }
        if (written.containsKey("storageInterval")) {
            records.restartInterval(clock.seconds(), page.get("storageInterval") * 60);
        }
        return changed(BoardResult.DONE);
    }

    /** Why {@code values} would be refused, or null; for tools that explain a refusal to a person. */
    public synchronized String parameterProblem(Map<String, Double> values) {
        return page.problem(values);
    }

    @Override
    public synchronized BoardResult control(ControlAction action) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        BoardResult r = switch (action) {
            case CFET_OFF, DFET_OFF, CFET_ON, DFET_ON, CHARGE_LIMIT_ON, CHARGE_LIMIT_OFF ->
                protections.control(action, physics.measuredCurrent());
            case HIBERNATE -> {
                if (Math.abs(physics.measuredCurrent()) > page.get("standbyCurrentThreshold")) {
                    yield BoardResult.REFUSED_CURRENT_FLOWING;
                }
                sleep();
                yield BoardResult.DONE;
            }
            case DELETE_HISTORY, DELETE_ALARMS -> {
                busyWith = action;
                busyUntil = clock.seconds() + ERASE_SECONDS;
                yield BoardResult.DONE;
            }
            case RESTORE_DEFAULTS -> {
                busyWith = action;
                busyUntil = clock.seconds() + RESTORE_SECONDS;
                yield BoardResult.DONE;
            }
        };
        snapshot = buildSnapshot();
        return result(r);
    }

    @Override
    public synchronized boolean controlState(ControlAction action) {
        return switch (action) {
            case CFET_ON -> cfetOn();
            case CFET_OFF -> !cfetOn();
            case DFET_ON -> dfetOn();
            case DFET_OFF -> !dfetOn();
            case CHARGE_LIMIT_ON -> protections.limiterOn();
            case CHARGE_LIMIT_OFF -> !protections.limiterOn();
            case DELETE_HISTORY, DELETE_ALARMS, RESTORE_DEFAULTS -> busyWith == action;
            case HIBERNATE -> false;
        };
    }

    @Override
    public synchronized LocalDateTime clock() {
        return boardTime();
    }

    @Override
    public synchronized BoardResult setClock(LocalDateTime time) {
        if (time.getYear() < 2000 || time.getYear() > 2099) {
            return result(BoardResult.INVALID_VALUE);
        }
        LocalDateTime now = clock.start().plusSeconds((long) Math.floor(clock.seconds()));
        clockOffsetSeconds = ChronoUnit.SECONDS.between(now, time.withNano(0));
        return result(BoardResult.DONE);
    }

    @Override
    public synchronized String text(String name) {
        return texts.get(name);
    }

    @Override
    public synchronized BoardResult setText(String name, String value) {
        return result(texts.set(name, value));
    }

    @Override
    public synchronized BoardResult configure(Map<String, Double> values) {
        if (busyWith != null) {
            return result(BoardResult.BUSY);
        }
        return changed(gauge.configure(values));
    }

    @Override
    public synchronized BoardResult calibrateVoltage(double trueVolts) {
        return changed(physics.calibration().calibrateVoltage(physics.measuredVoltage(), trueVolts));
    }

    @Override
    public synchronized BoardResult calibrateCurrentZero() {
        if (Math.abs(physics.measuredCurrent()) > 0.02 * page.get("shuntRating")) {
            return result(BoardResult.REFUSED_CURRENT_FLOWING);
        }
        physics.zeroCurrent();
        return changed(BoardResult.DONE);
    }

    @Override
    public synchronized double measuredTemperature(int sensor) {
        return physics.measuredTemperature(sensor);
    }

    @Override
    public synchronized BoardResult calibrateTemperature(int sensor, double trueCelsius) {
        return changed(physics.calibration().calibrateTemperature(sensor, physics.measuredTemperature(sensor),
                trueCelsius));
    }

    @Override
    public synchronized BoardResult resetCalibration(int what, int sensor) {
        return changed(physics.calibration().reset(what, sensor));
    }

    @Override
    public synchronized int calibrationStatus() {
        return physics.calibration().status();
    }

    @Override
    public synchronized boolean busy() {
        return busyWith != null;
    }

    @Override
    public int historyCount() {
        return records.historyCount();
    }

    @Override
    public HistoryRecord history(int index) {
        return records.history(index);
    }

    @Override
    public int alarmCount() {
        return records.alarmCount();
    }

    @Override
    public AlarmRecord alarm(int index) {
        return records.alarm(index);
    }

    /** Records the ring dropped because it was full. */
    public long droppedRecords() {
        return records.dropped();
    }

    @Override
    public synchronized int lastResult() {
        return lastResult;
    }

    @Override
    public synchronized void lastResult(BoardResult result) {
        lastResult = result.code();
    }

    @Override
    public FirmwareTarget firmware() {
        return firmware;
    }
}
