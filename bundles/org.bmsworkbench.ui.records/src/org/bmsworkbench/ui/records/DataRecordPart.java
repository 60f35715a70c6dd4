package org.bmsworkbench.ui.records;

import org.bmsworkbench.connection.ConnectionService;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.live.PackSelection;
import org.bmsworkbench.records.RecordKind;

import jakarta.inject.Inject;

/** The manual's Data Record page: the data records stored on the selected pack's board. */
public class DataRecordPart extends RecordsPart {

    @Inject
    public DataRecordPart(ConnectionService connection, PackSelection selection, BusStateRegistry registry) {
        super(RecordKind.DATA, connection, selection, registry);
    }
}
