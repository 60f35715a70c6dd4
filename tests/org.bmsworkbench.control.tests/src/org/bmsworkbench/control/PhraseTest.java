package org.bmsworkbench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Read-back phrases: English for the audit log, Chinese for a Chinese view, numbers as the pack gave them. */
class PhraseTest {

    /** The keys a file itself holds, not those a Chinese bundle would inherit from the English one. */
    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Phrase.class.getResourceAsStream(file)) {
            assertTrue(in != null, file);
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyPhraseHasAChineseWordingAndEveryPatternFormats() throws IOException {
        Set<String> english = keys("phrases.properties");
        Set<String> chinese = keys("phrases_zh.properties");
        assertEquals(english, chinese);
        assertTrue(english.size() >= 20, english.toString());
        for (String key : english) {
            if (key.equals("list.separator")) {
                continue;
            }
            Phrase p = Phrase.of(key, "A", "B", "C", "D", "E");
            String zh = p.in(Locale.CHINESE);
            assertFalse(p.english().contains("{") || zh.contains("{"), key + ": " + p.english() + " / " + zh);
            assertTrue(zh.chars().anyMatch(c -> c > 0x2E80), key + " is not worded in Chinese: " + zh);
        }
    }

    @Test
    void wordsAReadBackInEachLanguage() {
        Phrase off = Phrase.of("switch.now", "DFET", Phrase.of("switch.off"));
        assertEquals("DFET is now off", off.english());
        assertEquals("DFET \u73b0\u5df2\u5173\u95ed", off.in(Locale.CHINESE));
        assertEquals("DFET \u73b0\u5df2\u5173\u95ed", off.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("DFET is now off", off.in(Locale.GERMAN), "a language we have no words for reads English");
        assertEquals("the board now keeps 12345 records", Phrase.of("records.kept", 12345L).english(),
                "no digit grouping added to a count");
        assertEquals("reads back as \"BMS-01\"", Phrase.of("text.readsBack", "BMS-01").english());
    }

    @Test
    void severalClausesAreSeparatedAsEachLanguageDoes() {
        Phrase both = Phrase.all(List.of(Phrase.of("capacity.fullReads", "99.000 Ah"),
                Phrase.of("capacity.cyclesReads", 12)));
        assertEquals("full capacity reads 99.000 Ah; cycle count reads 12", both.english());
        assertEquals("\u6ee1\u5145\u5bb9\u91cf\u8bfb\u6570\u4e3a 99.000 Ah\uff1b\u5faa\u73af\u6b21\u6570\u8bfb\u6570\u4e3a 12",
                both.in(Locale.CHINESE));
        assertEquals(Phrase.of("records.noCount"), Phrase.all(List.of(Phrase.of("records.noCount"))));
    }

    @Test
    void anOutcomeKeepsWhatIsNotAReadBackAsItCame() {
        ReadBack back = new ReadBack(true, Phrase.of("clock.reads", "2026-12-07T01:00"));
        WriteOutcome<Object> outcome = new WriteOutcome<>(WriteOutcome.Kind.CONFIRMED, null,
                back.text() + " (not on the audit log: disk full)", null, back);
        assertEquals("\u65f6\u949f\u8bfb\u6570\u4e3a 2026-12-07T01:00 (not on the audit log: disk full)",
                outcome.detail(Locale.CHINESE));
        assertEquals(outcome.detail(), outcome.detail(Locale.ENGLISH));
        WriteOutcome<Object> failed = new WriteOutcome<>(WriteOutcome.Kind.FAILED, null, "timeout", null, null);
        assertEquals("timeout", failed.detail(Locale.CHINESE));
    }
}
