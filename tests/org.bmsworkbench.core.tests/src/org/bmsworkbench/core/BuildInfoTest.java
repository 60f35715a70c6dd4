package org.bmsworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildInfoTest {

    @ParameterizedTest
    @CsvSource({ "0.1.0.20261124-0215, 0.1.0, 20261124-0215", "1.2.3.qualifier, 1.2.3, development",
            "2.0.0, 2.0.0, development", "3, 3.0.0, development", "1.4, 1.4.0, development" })
    void splitsVersionAndBuildId(String osgi, String version, String build) {
        BuildInfo info = BuildInfo.fromOsgiVersion(osgi);
        assertEquals(version, info.version());
        assertEquals(build, info.buildId());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "x", "1.2.3.4.5", "1..2", "v1.0" })
    void rejectsWhatIsNotAnOsgiVersion(String bad) {
        assertThrows(IllegalArgumentException.class, () -> BuildInfo.fromOsgiVersion(bad));
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> BuildInfo.fromOsgiVersion(null));
    }
}
