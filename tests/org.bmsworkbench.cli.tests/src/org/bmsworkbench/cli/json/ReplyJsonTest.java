package org.bmsworkbench.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JSON of the command line through Gson: absent values are null, numbers as people write them, text escaped. */
class ReplyJsonTest {

    @Test
    void jsonOfAbsentValuesIsNullAndTextIsEscaped() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperatures", new double[] { 25.0, Double.NaN, -3.5 });
        m.put("text", "a \"b\"\n <=> 'c'");
        m.put("list", List.of(1, true));
        m.put("volts", 52.8);
        assertEquals("{\"temperatures\":[25,null,-3.5],\"text\":\"a \\\"b\\\"\\n <=> 'c'\",\"list\":[1,true],"
                + "\"volts\":52.8}", ReplyJson.GSON.toJson(ReplyJson.value(m)));
        assertEquals("0.001", ReplyJson.GSON.toJson(ReplyJson.number(0.001)));
        assertEquals("170", ReplyJson.GSON.toJson(ReplyJson.number(170.0)));
    }
}
