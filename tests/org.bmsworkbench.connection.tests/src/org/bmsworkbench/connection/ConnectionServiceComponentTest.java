package org.bmsworkbench.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.protocol.modbus.NativeModbusProtocol;
import org.bmsworkbench.protocol.ydt1363.PylontechProtocol;
import org.bmsworkbench.sim.link.SimLinkProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;

/** What the workbench reopens at the next start: exactly the buses open when it ended. */
class ConnectionServiceComponentTest {

    private static final String SIM_A = "sim:2,cells=16,temps=4,interval=0";
    private static final String SIM_B = "sim:3,cells=8,temps=2,interval=0,protocol=pylontech";

    @TempDir
    Path workspace;

    private ConnectionServiceComponent running;

    @AfterEach
    void end() {
        if (running != null) {
            running.deactivate();
        }
    }

    /** Starts the component as the workbench does, with {@code --bus} given as {@code bus} (null: none given). */
    private ConnectionServiceComponent start(String bus) {
        Map<String, String> properties = bus == null ? Map.of("osgi.instance.area", workspace.toUri().toString())
                : Map.of("osgi.instance.area", workspace.toUri().toString(), ConnectionServiceComponent.BUS_PROPERTY, bus);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class },
                (proxy, method, args) -> method.getName().equals("getProperty") ? properties.get((String) args[0])
                        : null);
        Logger log = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Logger.class },
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                // nobody listens here: the test asks the component
            }

            @Override
            public void sendEvent(Event event) {
                // nobody listens here: the test asks the component
            }
        };
        ConnectionServiceComponent c = new ConnectionServiceComponent(events, log, context);
        c.addLinkProvider(new SimLinkProvider());
        c.addLinkProvider(new SerialLinkProvider());
        c.addLinkProvider(new TcpLinkProvider());
        c.addProtocol(new NativeModbusProtocol());
        c.addProtocol(new PylontechProtocol());
        running = c;
        return c;
    }

    private void stop() {
        running.deactivate();
        running = null;
    }

    private static List<String> open(ConnectionService c) {
        return c.buses().stream().map(b -> c.settings(b.busId()).orElseThrow().toSpec()).toList();
    }

    private static String spec(String s) {
        return BusSettings.parse(s).toSpec();
    }

    @Test
    void theBusesOpenAtTheEndAreReopenedAndAClosedOneIsNot() {
        ConnectionServiceComponent c = start(SIM_A);
        c.open(BusSettings.parse(SIM_B));
        String failing = c.open(BusSettings.parse("serial:/dev/bmsw-no-such-port,baud=9600"));
        c.close(failing);
        stop();
        assertEquals(List.of(spec(SIM_A), spec(SIM_B)), open(start(null)),
                "the bus given with --bus and the one opened later, not the one that failed and was closed");
    }

    @Test
    void aGivenBusWinsAndIsWhatIsRemembered() {
        ConnectionServiceComponent c = start(null);
        c.closeAll();
        c.open(BusSettings.parse("tcp:127.0.0.1:9,timeout=50"));
        stop();
        assertEquals(List.of(spec(SIM_B)), open(start(SIM_B)), "--bus, not the remembered gateway");
        assertEquals(spec(SIM_B), running.recentBuses().get(0), "and it is the most recent bus");
        stop();
        assertEquals(List.of(spec(SIM_B)), open(start(null)), "a --bus session comes back as itself");
    }

    @Test
    void noBusOpenAtTheEndOpensNoneAndAFirstStartTheSimulatedBus() {
        ConnectionServiceComponent c = start(null);
        assertEquals(List.of(spec(ConnectionServiceComponent.DEFAULT_BUS)), open(c));
        c.closeAll();
        stop();
        assertTrue(open(start(null)).isEmpty());
    }

    @Test
    void theBusOfAnEarlierVersionsWorkspaceIsReopened() throws Exception {
        Files.createDirectories(workspace.resolve(".metadata"));
        Files.writeString(workspace.resolve(".metadata/bmsw-last-bus"), spec(SIM_B) + "\n");
        assertEquals(List.of(spec(SIM_B)), open(start(null)));
    }

    @Test
    void theBusesOpenedLatelyAreKeptNewestFirst() {
        ConnectionServiceComponent c = start("none");
        for (int i = 1; i <= 10; i++) {
            c.close(c.open(BusSettings.parse("tcp:127.0.0.1:" + i + ",timeout=50")));
        }
        c.open(BusSettings.parse("tcp:127.0.0.1:4,timeout=50"));
        stop();
        List<String> recent = start("none").recentBuses();
        assertEquals(8, recent.size(), recent.toString());
        assertEquals(spec("tcp:127.0.0.1:4,timeout=50"), recent.get(0));
        assertEquals(spec("tcp:127.0.0.1:10,timeout=50"), recent.get(1));
        assertEquals(spec("tcp:127.0.0.1:3,timeout=50"), recent.get(7), "once each, the oldest dropped");
    }
}
