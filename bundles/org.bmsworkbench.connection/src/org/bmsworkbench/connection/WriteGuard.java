package org.bmsworkbench.connection;

import org.bmsworkbench.model.PackSnapshot;

/**
 * The one judge of commands that change a pack. The connection service puts a frame that changes a device
 * ({@link org.bmsworkbench.protocol.BmsProtocol#changesDevice}) on the line only inside a {@link GuardedCommand}
 * this guard issued, and only after {@link #admit} accepted it on the bus thread, on a snapshot polled just
 * before. Without a guard, nothing changes a pack. The workbench's guard is {@code org.bmsworkbench.control}.
 */
public interface WriteGuard {

    /** The guard of a bus that may not change anything, e.g. {@code bmsw poll}. */
    WriteGuard NONE = new WriteGuard() {
        @Override
        public boolean issued(GuardedCommand<?> command) {
            return false;
        }

        @Override
        public void admit(GuardedCommand<?> command, PackSnapshot fresh) throws CommandException {
            throw new CommandException("no write guard is installed: nothing may change a pack; nothing was sent");
        }
    };

    /** Whether this guard made {@code command} and has not finished with it. */
    boolean issued(GuardedCommand<?> command);

    /**
     * Judges the command on the bus thread immediately before its first frame: the access gate, and the
     * command's preconditions on {@code fresh}, the pack's values polled a moment ago.
     *
     * @param fresh the snapshot of the poll just made, or {@code null} when the pack did not answer it
     * @throws CommandException to refuse; nothing is sent then, and the message says why
     */
    void admit(GuardedCommand<?> command, PackSnapshot fresh) throws CommandException;
}
