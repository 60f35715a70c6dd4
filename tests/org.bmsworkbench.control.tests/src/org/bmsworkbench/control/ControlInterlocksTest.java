package org.bmsworkbench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.ControlAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manual's interlocks, judged on the pack's own current and flags before anything is sent. */
class ControlInterlocksTest {

    private static PackSnapshot pack(double amps, String flag) {
        PackSnapshot.Builder b = PackSnapshot.builder(1).time(Instant.now()).set(Quantity.CURRENT, amps)
                .reported(FlagCategory.SYSTEM);
        if (!flag.isEmpty()) {
            b.flag(PackFlag.valueOf(flag), true);
        }
        return b.build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "ok", value = {
            "-20.0 |             | ONLINE  | CFET_OFF | DISCHARGING",
            "-0.2  | DISCHARGING | ONLINE  | CFET_OFF | DISCHARGING",
            "-20.0 |             | ONLINE  | DFET_OFF | ok",
            "-20.0 |             | ONLINE  | CFET_ON  | ok",
            "25.0  |             | ONLINE  | DFET_OFF | CHARGING",
            "0.1   | CHARGING    | ONLINE  | DFET_OFF | CHARGING",
            "25.0  |             | ONLINE  | CFET_OFF | ok",
            "0.3   |             | ONLINE  | CFET_OFF | ok",
            "-0.3  |             | ONLINE  | DFET_OFF | ok",
            "0.0   |             | STALE   | CFET_ON  | NOT_CURRENT",
            "0.0   |             | OFFLINE | CHARGE_LIMIT_ON | NOT_CURRENT" })
    void judgesEachActionOnTheCurrentAndTheFlags(double amps, String flag, PackLinkState state, ControlAction action,
            Refusal expected) {
        Optional<Refusal> r = ControlInterlocks.check(pack(amps, flag == null ? "" : flag), state, action);
        assertEquals(Optional.ofNullable(expected), r);
    }

    @org.junit.jupiter.api.Test
    void aPackWithoutValuesIsRefused() {
        assertEquals(Optional.of(Refusal.NO_DATA), ControlInterlocks.check(null, PackLinkState.ONLINE,
                ControlAction.CFET_ON));
    }
}
