package org.bmsworkbench.protocol;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.AlarmRecord;
import org.bmsworkbench.model.DeviceIdentity;
import org.bmsworkbench.model.HistoryRecord;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.ParameterSet;

/**
 * A decoded reply in canonical terms. Only what the frame carried is present: empty lists, an empty
 * identity and {@code null} for the rest.
 *
 * @param command    what the reply answers
 * @param packs      one snapshot per pack the reply describes (several for an all-packs answer)
 * @param identity   text fields of identity replies
 * @param parameters the parameter page, for parameter replies
 * @param clock      the device clock, for clock replies
 * @param history    stored data records
 * @param alarms     stored alarm records
 * @param error      the device's refusal, when it sent a return code or exception instead of data
 * @param details    further named values of the reply (protocol version, acknowledged register, ...)
 */
public record Reply(Command command, List<PackSnapshot> packs, DeviceIdentity identity, ParameterSet parameters,
        LocalDateTime clock, List<HistoryRecord> history, List<AlarmRecord> alarms, DeviceError error,
        Map<String, Object> details) {

    public Reply {
        packs = List.copyOf(packs);
        history = List.copyOf(history);
        alarms = List.copyOf(alarms);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Builder builder(Command command) {
        return new Builder(command);
    }

    public boolean isError() {
        return error != null;
    }

    /** Collects a reply. */
    public static final class Builder {
        private final Command command;
        private final List<PackSnapshot> packs = new ArrayList<>();
        private DeviceIdentity identity = new DeviceIdentity(Map.of());
        private ParameterSet parameters;
        private LocalDateTime clock;
        private final List<HistoryRecord> history = new ArrayList<>();
        private final List<AlarmRecord> alarms = new ArrayList<>();
        private DeviceError error;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(Command command) {
            this.command = command;
        }

        public Builder pack(PackSnapshot pack) {
            packs.add(pack);
            return this;
        }

        public Builder text(String name, String value) {
            identity = identity.mergedWith(DeviceIdentity.of(name, value));
            return this;
        }

        public Builder parameters(ParameterSet set) {
            parameters = set;
            return this;
        }

        public Builder clock(LocalDateTime time) {
            clock = time;
            return this;
        }

        public Builder history(HistoryRecord record) {
            history.add(record);
            return this;
        }

        public Builder alarm(AlarmRecord record) {
            alarms.add(record);
            return this;
        }

        public Builder error(DeviceError deviceError) {
            error = deviceError;
            return this;
        }

        public Builder detail(String name, Object value) {
            details.put(name, value);
            return this;
        }

        public Reply build() {
            return new Reply(command, packs, identity, parameters, clock, history, alarms, error, details);
        }
    }
}
