package org.bmsworkbench.connection;

/**
 * A command that changes one pack. Only a {@link WriteGuard} makes commands the bus lets change a pack:
 * before it runs, the bus polls the pack once more and asks the guard to {@link WriteGuard#admit admit} it on
 * those values. Any other command that tries to send a changing frame is refused before the frame goes out.
 */
public interface GuardedCommand<T> extends BusCommand<T> {

    /** The pack this command changes. */
    int address();
}
