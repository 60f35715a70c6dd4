package org.bmsworkbench.protocol.tool;

/** Lets the tests of other packages reach the package-private JSON writer. */
public final class JsonAccess {

    private JsonAccess() {
    }

    public static String write(Object value) {
        return Json.write(value);
    }
}
