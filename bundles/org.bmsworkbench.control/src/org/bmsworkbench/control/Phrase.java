package org.bmsworkbench.control;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence about a write, kept as a key of {@code phrases.properties} and its arguments so that a view words it in
 * its user's language ({@code phrases_zh.properties}) while the audit log keeps it in English. Arguments are
 * written as given (numbers already formatted), or worded too when they are phrases.
 */
public final class Phrase {

    private static final String BUNDLE = "org.bmsworkbench.control.phrases";
    private static final String LIST = "list.separator";

    private final String key;
    private final List<Object> args;

    private Phrase(String key, List<Object> args) {
        this.key = Objects.requireNonNull(key, "key");
        this.args = List.copyOf(args);
    }

    /**
     * @param args each a {@link Phrase} or anything whose {@code String.valueOf} is what is meant (no number is
     *             formatted again: {@code 1234} stays {@code 1234} in every language)
     */
    public static Phrase of(String key, Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof Phrase ? a : String.valueOf(a));
        }
        return new Phrase(key, list);
    }

    /** Several phrases one after another, separated as the language separates clauses ("; " in English). */
    public static Phrase all(List<Phrase> parts) {
        return parts.size() == 1 ? parts.get(0) : new Phrase(LIST, new ArrayList<>(parts));
    }

    public String key() {
        return key;
    }

    /** The phrase in {@code locale}'s language: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        ResourceBundle texts = texts(locale);
        if (key.equals(LIST)) {
            List<String> words = new ArrayList<>();
            for (Object a : args) {
                words.add(((Phrase) a).in(locale));
            }
            return String.join(texts.getString(LIST), words);
        }
        Object[] words = new Object[args.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = args.get(i) instanceof Phrase p ? p.in(locale) : args.get(i);
        }
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(words);
    }

    /** The phrase in English, as the audit log keeps it. */
    public String english() {
        return in(Locale.ROOT);
    }

    static ResourceBundle texts(Locale locale) {
        Locale language = locale != null && "zh".equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, language, Phrase.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && p.key.equals(key) && p.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args);
    }

    @Override
    public String toString() {
        return english();
    }
}
