package org.bmsworkbench.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bmsworkbench.record.store.Schema;
import org.junit.jupiter.api.Test;

/** The server's tables are the session file's: the same names, the same columns, in the same order. */
class PgSchemaTest {

    private static List<String> columns(List<String> statements, String table) {
        String create = statements.stream().filter(s -> s.matches("CREATE TABLE (IF NOT EXISTS )?" + table + " \\(.*"))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + table));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("[(,] ?([a-z_0-9]+) [A-Z]").matcher(create.substring(create.indexOf('(')));
        while (m.find()) {
            if (!List.of("UNIQUE", "PRIMARY").contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everySessionTableHasItsColumnsOnTheServer() {
        for (String table : List.of("bus", "pack", "snapshot", "bus_event", "link_event", "flag_event", "command", "gap",
                "unit", "session")) {
            List<String> file = columns(Schema.create(), table);
            List<String> server = columns(PgSchema.create(), table);
            List<String> shared = new ArrayList<>(server);
            shared.retainAll(file);
            assertEquals(file, shared, table + ": the session file's columns, in order");
            assertTrue(server.size() - file.size() <= 1, table + " adds at most the session key: " + server);
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedAndPasswordsStayOutOfLogs() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresSettings("jdbc:mysql://h/db", "", "", 10, null));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                new PostgresSettings("jdbc:postgresql://h/db?user=u&password=secret&ssl=true", "", "", 10, null).safeUrl());
    }
}
