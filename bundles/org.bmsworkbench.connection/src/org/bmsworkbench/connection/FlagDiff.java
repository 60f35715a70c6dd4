package org.bmsworkbench.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;

/**
 * Which alarm, protection and detection flags a new snapshot raised or cleared. A category the earlier
 * snapshot did not report counts as all clear, so the first report of a raised flag is news and an unraised
 * one is not. System and control flags change with every charge and are not reported as changes.
 */
final class FlagDiff {

    private static final Set<FlagCategory> REPORTED = Set.of(FlagCategory.ALARM, FlagCategory.PROTECTION,
            FlagCategory.DETECTION);

    private FlagDiff() {
    }

    /** @param before the pack's previous snapshot, or {@code null} before the first */
    static List<FlagChange> between(String busId, int address, PackSnapshot before, PackSnapshot after, Instant now) {
        List<FlagChange> changes = new ArrayList<>();
        for (FlagCategory category : after.reportedFlagCategories()) {
            if (!REPORTED.contains(category)) {
                continue;
            }
            boolean known = before != null && before.reportedFlagCategories().contains(category);
            for (PackFlag flag : PackFlag.of(category)) {
                boolean was = known && before.hasFlag(flag);
                boolean is = after.hasFlag(flag);
                if (was != is) {
                    changes.add(new FlagChange(busId, address, flag, is, now));
                }
            }
        }
        return changes;
    }
}
