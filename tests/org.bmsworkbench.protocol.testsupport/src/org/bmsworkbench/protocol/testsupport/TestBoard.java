package org.bmsworkbench.protocol.testsupport;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.ControlAction;
import org.bmsworkbench.protocol.device.Board;
import org.bmsworkbench.protocol.device.BoardResult;
import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.FirmwareTarget;

/**
 * A board whose every answer is set by the test, and which records what it was asked to do, for testing a
 * protocol's device side without the simulator's physics. Public fields are the state; change them freely.
 */
public final class TestBoard implements Board {

    public PackSnapshot snapshot;
    public final Map<String, Double> parameters = new HashMap<>();
    public final Map<String, String> texts = new HashMap<>();
    public final Map<String, Double> configuration = new HashMap<>();
    public final List<HistoryRecord> history = new ArrayList<>();
    public final List<AlarmRecord> alarms = new ArrayList<>();
    /** Every call that asked the board to change something, in order, e.g. "control CFET_OFF". */
    public final List<String> calls = new ArrayList<>();
    /** What the next change request returns; DONE applies it. */
    public BoardResult nextResult = BoardResult.DONE;
    public LocalDateTime clock = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    public boolean busy;
    public int calibrationStatus;
    public final double[] temperatures = new double[36];
    public final TestFirmware firmware = new TestFirmware();
    private int lastResult;

    public TestBoard(PackSnapshot snapshot) {
        this.snapshot = snapshot;
        java.util.Arrays.fill(temperatures, Double.NaN);
    }

    /** A bus of these boards. */
    public static DeviceBus bus(TestBoard... boards) {
        return new DeviceBus() {
            @Override
            public Board board(int address) {
                for (TestBoard b : boards) {
                    if (b.address() == address) {
                        return b;
                    }
                }
                return null;
            }

            @Override
            public List<Board> boards() {
                return List.of(boards);
            }
        };
    }

    private BoardResult result(String call) {
        calls.add(call);
        lastResult = nextResult.code();
        return nextResult;
    }

    @Override
    public int address() {
        return snapshot.address();
    }

    @Override
    public PackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public double parameter(String key) {
        return parameters.getOrDefault(key, Double.NaN);
    }

    @Override
    public BoardResult writeParameters(Map<String, Double> values) {
        BoardResult r = result("parameters " + new java.util.TreeMap<>(values));
        if (r.ok()) {
            parameters.putAll(values);
        }
        return r;
    }

    @Override
    public BoardResult control(ControlAction action) {
        return result("control " + action);
    }

    @Override
    public boolean controlState(ControlAction action) {
        return switch (action) {
            case CFET_ON -> snapshot.hasFlag(org.bmsworkbench.model.PackFlag.CFET_ON);
            case DFET_ON -> snapshot.hasFlag(org.bmsworkbench.model.PackFlag.DFET_ON);
            case CHARGE_LIMIT_ON -> snapshot.hasFlag(org.bmsworkbench.model.PackFlag.CHARGE_CURRENT_LIMIT_ON);
            case DELETE_HISTORY, DELETE_ALARMS -> busy;
            default -> false;
        };
    }

    @Override
    public LocalDateTime clock() {
        return clock;
    }

    @Override
    public BoardResult setClock(LocalDateTime time) {
        BoardResult r = result("clock " + time);
        if (r.ok()) {
            clock = time;
        }
        return r;
    }

    @Override
    public String text(String name) {
        return texts.getOrDefault(name, "");
    }

    @Override
    public BoardResult setText(String name, String value) {
        BoardResult r = result("text " + name + "=" + value);
        if (r.ok()) {
            texts.put(name, value);
        }
        return r;
    }

    @Override
    public BoardResult configure(Map<String, Double> values) {
        BoardResult r = result("configure " + new java.util.TreeMap<>(values));
        if (r.ok()) {
            configuration.putAll(values);
        }
        return r;
    }

    @Override
    public BoardResult calibrateVoltage(double trueVolts) {
        return result("calibrateVoltage " + trueVolts);
    }

    @Override
    public BoardResult calibrateCurrentZero() {
        return result("calibrateCurrentZero");
    }

    @Override
    public double measuredTemperature(int sensor) {
        return sensor >= 1 && sensor < temperatures.length ? temperatures[sensor] : Double.NaN;
    }

    @Override
    public BoardResult calibrateTemperature(int sensor, double trueCelsius) {
        return result("calibrateTemperature " + sensor + " " + trueCelsius);
    }

    @Override
    public BoardResult resetCalibration(int what, int sensor) {
        return result("resetCalibration " + what + " " + sensor);
    }

    @Override
    public int calibrationStatus() {
        return calibrationStatus;
    }

    @Override
    public boolean busy() {
        return busy;
    }

    @Override
    public int historyCount() {
        return history.size();
    }

    @Override
    public HistoryRecord history(int index) {
        return history.get(index);
    }

    @Override
    public int alarmCount() {
        return alarms.size();
    }

    @Override
    public AlarmRecord alarm(int index) {
        return alarms.get(index);
    }

    @Override
    public int lastResult() {
        return lastResult;
    }

    @Override
    public void lastResult(BoardResult result) {
        lastResult = result.code();
    }

    @Override
    public FirmwareTarget firmware() {
        return firmware;
    }

    /** A firmware target that keeps the image and checks its CRC-32, without timing. */
    public static final class TestFirmware implements FirmwareTarget {
        public int status = STATUS_IDLE;
        public int error = ERROR_NONE;
        public int nextBlock;
        public long size;
        public long crc;
        public final java.io.ByteArrayOutputStream image = new java.io.ByteArrayOutputStream();

        @Override
        public int blockSize() {
            return 128;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public int error() {
            return error;
        }

        @Override
        public int nextBlock() {
            return nextBlock;
        }

        @Override
        public long imageSize() {
            return size;
        }

        @Override
        public long imageCrc() {
            return crc;
        }

        @Override
        public void announce(long imageSize, long imageCrc) {
            size = imageSize;
            crc = imageCrc;
        }

        @Override
        public BoardResult start() {
            if (size <= 0 || size > 1 << 20) {
                error = ERROR_SIZE;
                return BoardResult.INVALID_VALUE;
            }
            image.reset();
            nextBlock = 0;
            status = STATUS_READY;
            error = ERROR_NONE;
            return BoardResult.DONE;
        }

        @Override
        public BoardResult block(int number, byte[] data) {
            if (status != STATUS_READY && status != STATUS_RECEIVING) {
                error = ERROR_STATE;
                return BoardResult.NOT_ALLOWED;
            }
            if (number == nextBlock - 1) {
                return BoardResult.DONE;
            }
            if (number != nextBlock) {
                error = ERROR_SEQUENCE;
                return BoardResult.INVALID_VALUE;
            }
            image.writeBytes(data);
            nextBlock++;
            status = STATUS_RECEIVING;
            return BoardResult.DONE;
        }

        @Override
        public BoardResult finish() {
            if ((long) nextBlock * blockSize() < size) {
                error = ERROR_INCOMPLETE;
                return BoardResult.INVALID_VALUE;
            }
            CRC32 c = new CRC32();
            c.update(image.toByteArray(), 0, (int) size);
            if (c.getValue() != crc) {
                status = STATUS_FAILED;
                error = ERROR_CRC;
            } else {
                status = STATUS_VERIFIED;
            }
            return BoardResult.DONE;
        }

        @Override
        public BoardResult activate() {
            if (status != STATUS_VERIFIED) {
                error = ERROR_STATE;
                return BoardResult.NOT_ALLOWED;
            }
            status = STATUS_ACTIVATING;
            return BoardResult.DONE;
        }

        @Override
        public void abort() {
            status = STATUS_IDLE;
            error = ERROR_NONE;
        }
    }
}
