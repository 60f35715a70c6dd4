package org.bmsworkbench.protocol.modbus;

import java.time.LocalDateTime;
import java.util.Set;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.OperatingMode;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.protocol.device.Board;

/**
 * What the device side remembers for one board address between requests: the calibration sensor selected
 * at 0x1604 and the record window (docs/protocols/modbus-native.md, sections 9.6 and 9.7).
 */
final class DeviceState {

    static final int KIND_NONE = 0;
    static final int KIND_HISTORY = 1;
    static final int KIND_ALARM = 2;

    /** One stored record as the window shows it; the flags are the active ones for an alarm record. */
    record Window(LocalDateTime time, OperatingMode mode, int code, PackSnapshot values, Set<PackFlag> flags) {
    }

    int calibrationSensor = 1;
    int recordKind = KIND_NONE;
    long recordIndex;
    /** The record loaded at the last selection, frozen until the next one; null when there was none. */
    Window window;

    /**
     * Selects record {@code index} of {@code kind} and loads it now: the window keeps it even if the
     * board stores or drops records before the host reads it.
     */
    void select(Board board, int kind, long index) {
        recordKind = kind;
        recordIndex = index;
        window = null;
        if (index >= count(board)) {
            return;
        }
        if (kind == KIND_HISTORY) {
            HistoryRecord h = board.history((int) index);
            window = new Window(h.time(), h.mode(), 0, h.values(), h.values().flags());
        } else {
            AlarmRecord a = board.alarm((int) index);
            window = new Window(a.time(), a.mode(), a.code(), a.values(), a.active());
        }
    }

    /** An erase of {@code kind} ends a selection of that kind (section 9.3). */
    void erased(int kind) {
        if (recordKind == kind) {
            recordKind = KIND_NONE;
            recordIndex = 0;
            window = null;
        }
    }

    /** Records of the selected kind the board holds now. */
    long count(Board board) {
        return count(board, recordKind);
    }

    static long count(Board board, int kind) {
        return switch (kind) {
            case KIND_HISTORY -> board.historyCount();
            case KIND_ALARM -> board.alarmCount();
            default -> 0;
        };
    }
}
