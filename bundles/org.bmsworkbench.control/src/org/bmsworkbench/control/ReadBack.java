package org.bmsworkbench.control;

/**
 * What reading a write back showed.
 *
 * @param confirmed whether the pack now reports the value written
 * @param text      for the audit log, e.g. "DFET is now off"
 */
public record ReadBack(boolean confirmed, String text) {
}
