package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./bmsw --bus with a spec the workbench cannot open says why on the terminal and exits 2, with no window. */
class BusArgumentIT {

    @Test
    void aBadBusIsRefusedInOneLineBeforeTheWindowOpens(@TempDir Path data) throws Exception {
        for (String[] c : List.of(new String[] { "sim:4,packs=0", "pack quantity 0 is outside 1..16" },
                new String[] { "serial:/dev/ttyUSB0,packs=17", "pack quantity 17 is outside 1..16" },
                new String[] { "tcp:gateway", "gateway 'gateway': host:port, e.g. 192.168.1.200:4196" })) {
            try (Bmsw.Run run = Bmsw.bmsw("bmsw-bad-bus", env -> { }, "--data", data.toString(), "--bus", c[0])) {
                int status = run.waitFor(Duration.ofSeconds(60));
                String out = run.text();
                assertEquals(2, status, "exit status of ./bmsw --bus " + c[0] + "; it printed: " + out);
                assertEquals(List.of("bmsw: --bus " + c[0] + ": " + c[1]), out.lines().toList());
            }
        }
    }
}
