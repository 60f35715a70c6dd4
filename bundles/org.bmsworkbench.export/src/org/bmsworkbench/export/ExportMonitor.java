package org.bmsworkbench.export;

/** Follows an export and can cancel it; called on the exporting thread. */
public interface ExportMonitor {

    /** Rows written so far of the rows the export will write. */
    void progress(long rowsDone, long rowsTotal);

    /** Checked at least every 1,000 rows; true ends the export with a {@code CancellationException}. */
    boolean cancelled();

    /** Neither shows progress nor cancels. */
    ExportMonitor NONE = new ExportMonitor() {
        @Override
        public void progress(long rowsDone, long rowsTotal) {
            // nobody is watching
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
