package org.bmsworkbench.events;

/** Argument checks shared by the payload records. */
final class Checks {

    /** Highest address any supported protocol can carry (Modbus slave addresses end at 247). */
    static final int MAX_ADDRESS = 247;

    private Checks() {
    }

    static String busId(String busId) {
        if (busId == null || busId.isBlank()) {
            throw new IllegalArgumentException("bus id must not be blank");
        }
        return busId;
    }

    static int address(int address) {
        if (address < 0 || address > MAX_ADDRESS) {
            throw new IllegalArgumentException("pack address " + address + " is outside 0.." + MAX_ADDRESS);
        }
        return address;
    }
}
