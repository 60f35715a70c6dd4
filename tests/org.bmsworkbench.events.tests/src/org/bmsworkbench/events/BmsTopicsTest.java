package org.bmsworkbench.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BmsTopicsTest {

    private static List<String> constants() throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field f : BmsTopics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                values.add((String) f.get(null));
            }
        }
        return values;
    }

    @Test
    void everyTopicIsAValidEventAdminTopicOrWildcard() throws IllegalAccessException {
        List<String> topics = constants();
        assertTrue(topics.size() >= 8, "expected the declared topics, found " + topics);
        for (String topic : topics) {
            if (topic.equals(BmsTopics.ROOT)) {
                assertTrue(isValidTopic(topic));
            } else if (topic.endsWith("/*")) {
                assertTrue(isValidTopic(topic.substring(0, topic.length() - 2)), topic);
            } else {
                assertTrue(isValidTopic(topic), topic);
            }
            assertTrue(topic.startsWith(BmsTopics.ROOT), topic + " is outside " + BmsTopics.ROOT);
        }
    }

    @Test
    void topicsAreUnique() throws IllegalAccessException {
        List<String> topics = constants();
        Set<String> unique = new HashSet<>(topics);
        assertEquals(topics.size(), unique.size(), "duplicate topic strings in " + topics);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/a", "a/", "a//b", "a/b c", "a/*", "a/\u00e9" })
    void rejectsMalformedTopics(String topic) {
        assertFalse(isValidTopic(topic));
    }

    @Test
    void rejectsNull() {
        assertFalse(isValidTopic(null));
    }

    /** EventAdmin's topic grammar: tokens of letters, digits, '_' and '-' separated by single '/'. */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern
            .compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private static boolean isValidTopic(String topic) {
        return topic != null && TOPIC.matcher(topic).matches();
    }
}
