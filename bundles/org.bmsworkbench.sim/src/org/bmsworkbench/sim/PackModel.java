package org.bmsworkbench.sim;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.BoardResult;

/**
 * The parts of one simulated pack and the order in which a step runs them. Every part draws from one
 * generator, in a fixed order (physics, gauge, texts, then each step's noise), so a seed gives the same run
 * at any speed. Not thread-safe: {@link SimPack} holds the lock.
 */
final class PackModel {

    final PackSpec spec;
    final SimClock clock;
    final ParameterPage page;
    final PackPhysics physics;
    final FuelGauge gauge;
    final BoardTexts texts;
    final Protections protections;
    final PackRecords records;
    final SimFirmware firmware;
    final Hibernation hibernation;
    private final SnapshotBuilder snapshots;
    private final double limiterCurrent;
    private CurrentProfile profile = CurrentProfile.rest();
    private double requested;
    private long clockOffsetSeconds;
    private double busyUntil = Double.NaN;
    private ControlAction busyWith;
    private int lastResult;
    private PackSnapshot snapshot;

    PackModel(PackSpec spec, SimClock clock, List<ParameterDefinition> definitions, long seed) {
        this.spec = spec;
        this.clock = clock;
        Random random = new Random(seed * 1_000_003L + spec.address());
        page = new ParameterPage(spec, definitions);
        physics = new PackPhysics(spec, random);
        gauge = new FuelGauge(spec, random);
        texts = new BoardTexts(spec, random);
        protections = new Protections(page, spec);
        snapshots = new SnapshotBuilder(page, physics, gauge, protections);
        records = new PackRecords(new PackRecords.Source() {
            @Override
            public LocalDateTime time() {
                return boardTime();
            }

            @Override
            public OperatingMode mode() {
                return PackModel.this.mode();
            }

            @Override
            public PackSnapshot values() {
                return build();
            }
        });
        limiterCurrent = Protections.limiterCurrent(spec);
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
        hibernation = new Hibernation(clock.seconds());
        physics.integrateCells(0);
        physics.measureCurrent();
        refresh();
    }

    CurrentProfile profile() {
        return profile;
    }

    void setProfile(CurrentProfile profile) {
        this.profile = profile;
    }

    /** The values of the last completed step, or of the last change the host made. */
    PackSnapshot snapshot() {
        return snapshot;
    }

    /** Shows a change the host made at once rather than at the next step. */
    void refresh() {
        snapshot = build();
    }

    private PackSnapshot build() {
        return snapshots.build(cfetOn(), dfetOn(), requested);
    }

    private boolean boardUp() {
        return !hibernation.asleep() && !firmware.restarting();
    }

    boolean cfetOn() {
        return protections.cfetOn(boardUp());
    }

    boolean dfetOn() {
        return protections.dfetOn(boardUp());
    }

    boolean answering() {
        return boardUp();
    }

    /** Advances the pack by {@code dt} seconds of simulated time; the clock has already moved. */
    void step(double dt) {
        double now = clock.seconds();
        firmware.step();
        if (!Double.isNaN(busyUntil) && now >= busyUntil) {
            finishLongOperation();
        }
        requested = profile.current(view(), dt);
        if (hibernation.wakeUp(now, requested > 0)) {
            protections.releaseHolds();
        }
        double flow = requested > 0 ? (cfetOn() ? requested : 0) : (dfetOn() ? requested : 0);
        if (protections.limiterOn() && flow > limiterCurrent) {
            flow = limiterCurrent;
        }
        physics.setCurrent(flow);
        physics.integrateCells(dt);
        physics.integrateTemperatures(dt, now, protections.heating(), protections.radiating());
        double measured = physics.measureCurrent();
        boolean asleep = hibernation.asleep();
        if (!asleep && dt != 0) {
            gauge.count(measured, dt, physics.measuredVoltage());
        }
        physics.findCellExtremes();
        if (!asleep) {
            physics.balance((int) page.get("balanceMode"), page.get("standbyCurrentThreshold"),
                    page.get("balanceStartVoltage"), page.get("balanceStartDifference"));
            judge(dt, now);
            records.step(now, page.get("storageInterval") * 60);
            if (page.enabled("enableDormancy") && hibernation.dormancyDue(now, page.get("dormancyDelay") * 60)) {
                sleep();
            }
        } else {
            physics.stopBalancing();
        }
        refresh();
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
            hibernation.active(now);
        }
        for (Protections.Change c : changes) {
            records.alarm(c.flag(), c.cleared(), protections.active());
        }
    }

    /** Sends the board to sleep: no balancing, no heater or fan, and its FETs no longer conduct. */
    void sleep() {
        hibernation.sleep();
        physics.stopBalancing();
        protections.sleep();
        physics.setCurrent(0);
    }

    private OperatingMode mode() {
        double standby = page.get("standbyCurrentThreshold");
        double measured = physics.measuredCurrent();
        return measured > standby ? OperatingMode.CHARGE
                : measured < -standby ? OperatingMode.DISCHARGE : OperatingMode.IDLE;
    }

    // --- long operations, results and the clock -----------------------------------------------------------

    ControlAction busyWith() {
        return busyWith;
    }

    /** Starts an erase or a restore of defaults; the board is busy until it ends. */
    void startLongOperation(ControlAction action, double seconds) {
        busyWith = action;
        busyUntil = clock.seconds() + seconds;
    }

    private void finishLongOperation() {
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

    int lastResult() {
        return lastResult;
    }

    void lastResult(int code) {
        lastResult = code;
    }

    /**
     * Keeps {@code r} for the host's "last result" read; an invalid value is never stored there (the native
     * protocol answers it with exception 03), so it leaves the previous result.
     */
    BoardResult result(BoardResult r) {
        lastResult = r == BoardResult.INVALID_VALUE ? lastResult : r.code();
        return r;
    }

    LocalDateTime boardTime() {
        return clock.start().plusSeconds((long) Math.floor(clock.seconds()) + clockOffsetSeconds);
    }

    void setClockOffset(long seconds) {
        clockOffsetSeconds = seconds;
    }
}
