package org.bmsworkbench.control;

/**
 * What reading a write back showed.
 *
 * @param confirmed whether the pack now reports the value written
 * @param phrase    what it showed, e.g. "DFET is now off", worded in each view's language
 */
public record ReadBack(boolean confirmed, Phrase phrase) {

    public ReadBack {
        java.util.Objects.requireNonNull(phrase, "phrase");
    }

    /** What it showed in English, as the audit log keeps it. */
    public String text() {
        return phrase.english();
    }
}
