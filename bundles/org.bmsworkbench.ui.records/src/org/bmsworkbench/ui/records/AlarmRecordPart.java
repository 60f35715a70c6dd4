package org.bmsworkbench.ui.records;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.records.RecordKind;

import jakarta.inject.Inject;

/** The manual's Alarm Record page: the alarm records stored on the selected pack's board. */
public class AlarmRecordPart extends RecordsPart {

    @Inject
    public AlarmRecordPart(ConnectionService connection, PackSelection selection, BusStateRegistry registry) {
        super(RecordKind.ALARM, connection, selection, registry);
    }
}
