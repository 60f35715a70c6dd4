package org.bmsworkbench.connection;

/**
 * A command that changes one pack. Only a {@link WriteGuard} makes commands the bus lets change a pack:
 * before it runs, the bus polls the pack once more and asks the guard to {@link WriteGuard#admit admit} it on
 * those values. Any other command that tries to send a changing frame is refused before the frame goes out.
 */
public interface GuardedCommand<T> extends BusCommand<T> {

    /** The pack this command changes. */
    int address();

    /**
     * {@code command} as a new guarded command for the pack at {@code address}. Each call makes a new object: a
     * guard recognises the ones it made by identity.
     */
    static <T> GuardedCommand<T> of(int address, Priority priority, BusCommand<T> command) {
        return new GuardedCommand<>() {
            @Override
            public int address() {
                return address;
            }

            @Override
            public String label() {
                return command.label();
            }

            @Override
            public Priority priority() {
                return priority;
            }

            @Override
            public T run(CommandContext context) throws Exception {
                return command.run(context);
            }
        };
    }
}
