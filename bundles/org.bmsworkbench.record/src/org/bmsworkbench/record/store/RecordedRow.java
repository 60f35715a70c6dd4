package org.bmsworkbench.record.store;

import org.bmsworkbench.model.PackSnapshot;

/**
 * One recorded snapshot, read back as the model's snapshot (its time is the time it was polled).
 *
 * @param packId   the pack's key in the file
 * @param seq      its number in the pack's recording, 1 for the first
 * @param snapshot the values as they were polled
 */
public record RecordedRow(long packId, long seq, PackSnapshot snapshot) {
}
