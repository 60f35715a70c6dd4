package org.bmsworkbench.ui.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.ui.testsupport.PartHarness;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusActivityPartTest {

    private PartHarness harness;

    @BeforeEach
    void setUp() {
        harness = new PartHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void listsStateChangesNewestFirst() throws InterruptedException {
        String bus = "activity-" + UUID.randomUUID().toString().substring(0, 8);
        BusActivityPart part = harness.make(BusActivityPart.class);
        Instant t = Instant.now();
        harness.postFromBusThread(BmsTopics.BUS_STATE,
                EventProperties.of(new BusStatus(bus, "tcp 127.0.0.1:5020", "modbus-native", BusState.OPEN, "", t)));
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, "tcp 127.0.0.1:5020",
                "modbus-native", BusState.RECONNECTING, "gateway closed the connection", t.plusMillis(5))));
        assertTrue(harness.spinUntil(() -> countRows(part, bus) == 2, Duration.ofSeconds(10)));
        TableItem newest = null;
        for (TableItem item : part.view().table().getItems()) {
            if (item.getText(1).equals(bus)) {
                newest = item;
                break;
            }
        }
        assertEquals("Open \u2192 Retrying", newest.getText(3));
        assertEquals("gateway closed the connection", newest.getText(4));
    }

    @Test
    void aFailureThatIsRetriedSaysRetrying() throws InterruptedException {
        String bus = "activity-" + UUID.randomUUID().toString().substring(0, 8);
        BusActivityPart part = harness.make(BusActivityPart.class);
        Instant t = Instant.now();
        harness.postFromBusThread(BmsTopics.BUS_STATE, EventProperties.of(new BusStatus(bus, "/dev/ttyUSB3 9600 8N1",
                "pylontech", BusState.FAILED, "could not open /dev/ttyUSB3: Permission denied (retrying)", t)));
        assertTrue(harness.spinUntil(() -> countRows(part, bus) == 1, Duration.ofSeconds(10)));
        for (TableItem item : part.view().table().getItems()) {
            if (item.getText(1).equals(bus)) {
                assertTrue(item.getText(3).endsWith("Retrying"), item.getText(3));
            }
        }
    }

    private static int countRows(BusActivityPart part, String bus) {
        int n = 0;
        for (TableItem item : part.view().table().getItems()) {
            if (item.getText(1).equals(bus)) {
                n++;
            }
        }
        return n;
    }
}
