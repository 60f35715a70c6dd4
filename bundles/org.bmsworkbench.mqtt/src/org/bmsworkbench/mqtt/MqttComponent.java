package org.bmsworkbench.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bmsworkbench.core.Workspace;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.EventProperties;
import org.bmsworkbench.events.MqttStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The workbench's MQTT publisher: a DS component that feeds an {@link MqttSink} with the bus and pack events
 * while publishing is on (Tools &gt; MQTT), and posts its state on {@link BmsTopics#MQTT_STATE}: at once when the
 * state changes, at most once a second while only its figures move.
 */
@Component(immediate = true, service = { MqttService.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + BmsTopics.BUS_STATE,
                EventConstants.EVENT_TOPIC + "=" + BmsTopics.PACK_ALL })
public final class MqttComponent implements MqttService, EventHandler {

    /** Name of the settings file in the workspace's {@code .metadata} folder. */
    public static final String SETTINGS_FILE = "mqtt.properties";

    private static final System.Logger LOG = System.getLogger(MqttComponent.class.getName());
    private static final Duration POST_INTERVAL = Duration.ofSeconds(1);

    private final EventAdmin eventAdmin;
    private final MqttConfigStore store;
    private final String host;
    private final Clock clock = Clock.systemUTC();
    private volatile MqttConfig config;
    private volatile MqttSink sink;
    private volatile MqttStatus status;
    private MqttStatus posted;

    @Activate
    public MqttComponent(@Reference EventAdmin eventAdmin, BundleContext context) {
        this.eventAdmin = eventAdmin;
        this.store = new MqttConfigStore(Workspace.metadata(context.getProperty("osgi.instance.area"))
                .resolve(SETTINGS_FILE));
        this.host = hostName();
        this.status = off("");
        this.config = store.load();
        start(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        MqttSink s = sink;
        sink = null;
        if (s != null) {
            s.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void handleEvent(Event event) {
        MqttSink s = sink;
        if (s != null) {
            s.accept(event.getProperty(EventProperties.DATA));
        }
    }

    @Override
    public MqttConfig config() {
        return config;
    }

    @Override
    public MqttStatus status() {
        return status;
    }

    @Override
    public synchronized void apply(MqttConfig next) throws IOException {
        next.settings(host);
        store.save(next);
        config = next;
        MqttSink old = sink;
        sink = null;
        if (old != null) {
            // the old publisher says offline and disconnects on its own thread; the caller (a dialog) does not wait
            Thread closing = new Thread(() -> {
                try {
                    old.close(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bmsw-mqtt-close");
            closing.setDaemon(true);
            closing.start();
        }
        start(next);
    }

    private void start(MqttConfig c) {
        if (!c.enabled()) {
            publish(off(""));
            return;
        }
        try {
            MqttSettings settings = c.settings(host);
            MqttSink s = new MqttSink(settings, line -> LOG.log(System.Logger.Level.INFO, line), this::publish, clock);
            sink = s;
            s.start();
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT stays off: " + e.getMessage());
            publish(new MqttStatus(MqttStatus.State.FAILED, c.url(), e.getMessage(), 0, 0, 0, clock.instant()));
        }
    }

    private MqttStatus off(String detail) {
        return new MqttStatus(MqttStatus.State.OFF, config == null ? "" : config.url(), detail, 0, 0, 0, clock.instant());
    }

    /** Keeps the status and posts it: a new state at once, moving figures at most once a second. */
    private synchronized void publish(MqttStatus next) {
        status = next;
        MqttStatus last = posted;
        Instant now = next.time();
        if (last != null && last.state() == next.state() && last.detail().equals(next.detail())
                && now.isBefore(last.time().plus(POST_INTERVAL))) {
            return;
        }
        posted = next;
        eventAdmin.postEvent(new Event(BmsTopics.MQTT_STATE, EventProperties.of(next)));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
