package org.bmsworkbench.parameters;

/**
 * Whether something can be done on a pack's protocol, and why not.
 *
 * @param supported whether it can
 * @param reason    when it cannot: one line for the person, e.g. "Pylontech ... has no command that writes
 *                  parameters: the page is read-only"; empty when it can
 */
public record Support(boolean supported, String reason) {

    static Support yes() {
        return new Support(true, "");
    }

    static Support no(String reason) {
        return new Support(false, reason);
    }
}
