package org.bmsworkbench.ui.config;

import org.bmsworkbench.protocol.Command;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The confirmation of Delete data / Delete alarms: it names the pack and how many records will be lost, and offers
 * to read them first; Cancel is the default.
 */
final class DeleteRecordsDialog {

    /** What the person chose. */
    enum Choice {
        DELETE, READ_FIRST, CANCEL
    }

    private final Shell shell;
    private final Messages m;
    private final Command kind;
    private final int address;
    private final String bus;
    private final long count;

    DeleteRecordsDialog(Shell shell, Messages m, Command kind, int address, String bus, long count) {
        this.shell = shell;
        this.m = m;
        this.kind = kind;
        this.address = address;
        this.bus = bus;
        this.count = count;
    }

    /** The question, as shown. */
    String question() {
        String n = count < 0 ? m.delete_unknownCount : Long.toString(count);
        return Messages.format(kind == Command.HISTORY ? m.delete_data : m.delete_alarms, address, n, bus);
    }

    Choice ask() {
        MessageDialog dialog = new MessageDialog(shell, Messages.format(m.delete_title, address), null, question(),
                MessageDialog.WARNING, 2, m.delete_send, m.delete_readFirst, m.delete_cancel);
        return switch (dialog.open()) {
            case 0 -> Choice.DELETE;
            case 1 -> Choice.READ_FIRST;
            default -> Choice.CANCEL;
        };
    }
}
