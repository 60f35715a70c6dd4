package org.bmsworkbench.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.FlagChange;
import org.bmsworkbench.events.MqttStatus;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.model.FlagCategory;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import com.google.gson.JsonObject;

/**
 * Publishes what the buses report to an MQTT broker (topics: {@link Topics}; Home Assistant discovery:
 * {@link Discovery}). Producers call {@link #accept(Object)} from any thread; it never blocks and never touches
 * the network, so the bus is never slowed by the broker: snapshots are kept latest-value-wins per pack and the
 * other events go into a bounded queue, both drained by one publisher thread. That thread sends at most one
 * state message per pack per {@link MqttSettings#interval()}, keeps what cannot be sent in a bounded
 * {@link Outbox} while the broker is unreachable, and reconnects with backoff (1 s doubling to 30 s). On each
 * connection it announces the packs again and re-publishes the retained availability and flag topics, so a
 * broker that restarted without persistence is whole again.
 */
public final class MqttSink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MqttSink.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int EVENT_CAPACITY = 8192;
    private static final Set<FlagCategory> FLAG_TOPICS = EnumSet.of(FlagCategory.ALARM, FlagCategory.PROTECTION);

    private final MqttSettings settings;
    private final Topics topics;
    private final Discovery discovery;
    private final Consumer<String> log;
    private final Consumer<MqttStatus> statusSink;
    private final Clock clock;
    private final Thread thread;
    private final Map<String, PackData> latest = new ConcurrentHashMap<>();
    private final BlockingQueue<Object> events = new ArrayBlockingQueue<>(EVENT_CAPACITY);
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AtomicBoolean reannounce = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile String lostReason = "";
    private volatile boolean stopping;
    private volatile MqttStatus status;

    // publisher thread only
    private final Map<String, Pack> packs = new LinkedHashMap<>();
    private final Map<String, BusStatus> buses = new HashMap<>();
    private final Map<String, String> retained = new LinkedHashMap<>();
    private final Outbox outbox;
    private MqttAsyncClient client;
    private boolean connected;
    private boolean republish;
    private Instant nextAttempt = Instant.EPOCH;
    private Duration backoff = FIRST_RETRY;
    private long published;
    private long reportedDrops;
    private boolean failed;

    /** What the publisher knows about one pack. */
    private static final class Pack {
        final String busId;
        final int address;
        Instant lastSent = Instant.EPOCH;
        Instant lastTime;
        final Set<String> sensors = new TreeSet<>();
        final Set<FlagCategory> categories = EnumSet.noneOf(FlagCategory.class);
        final Map<PackFlag, Boolean> flags = new HashMap<>();
        boolean announce;

        Pack(String busId, int address) {
            this.busId = busId;
            this.address = address;
        }
    }

    /**
     * @param log        one line per event of note (connected, lost, refused, messages dropped)
     * @param statusSink each new status, on the publisher thread
     */
    public MqttSink(MqttSettings settings, Consumer<String> log, Consumer<MqttStatus> statusSink, Clock clock) {
        this.settings = settings;
        this.topics = new Topics(settings.base(), settings.discoveryPrefix());
        this.discovery = new Discovery(topics, "BMS Workbench");
        this.log = log;
        this.statusSink = statusSink;
        this.clock = clock;
        this.outbox = new Outbox(settings.bufferSize());
        this.status = new MqttStatus(MqttStatus.State.OFF, settings.url(), "", 0, 0, 0, clock.instant());
        this.thread = new Thread(this::run, "bmsw-mqtt");
        thread.setDaemon(true);
    }

    public MqttSink start() {
        thread.start();
        return this;
    }

    public MqttStatus status() {
        return status;
    }

    public Topics topics() {
        return topics;
    }

    /**
     * Takes one event payload ({@link PackData}, {@link BusStatus}, {@link PackStatus}, {@link FlagChange});
     * anything else is ignored. Never blocks.
     */
    public void accept(Object payload) {
        if (stopping) {
            return;
        }
        if (payload instanceof PackData d) {
            latest.put(key(d.busId(), d.address()), d);
        } else if (payload instanceof BusStatus || payload instanceof PackStatus
                || payload instanceof FlagChange f && Topics.published(f.flag())) {
            if (!events.offer(payload)) {
                eventsDropped.incrementAndGet();
            }
        }
    }

    /** Sends what it can within {@code timeout}, marks the publisher offline and disconnects. */
    public void close(Duration timeout) throws InterruptedException {
        stopping = true;
        thread.join(timeout.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(10));
    }

    private static String key(String busId, int address) {
        return busId + "/" + address;
    }

    private void run() {
        try {
            while (!stopping && !failed) {
                Object e = events.poll(100, TimeUnit.MILLISECONDS);
                step(e);
            }
            if (!failed) {
                step(events.poll());
                finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the MQTT publisher stopped", e);
            log.accept("MQTT: the publisher stopped: " + e);
            setStatus(MqttStatus.State.FAILED, String.valueOf(e.getMessage()));
        } finally {
            closeClient();
        }
    }

    private void step(Object first) {
        Instant now = clock.instant();
        for (Object e = first; e != null; e = events.poll()) {
            handle(e);
        }
        for (Map.Entry<String, PackData> entry : latest.entrySet()) {
            state(entry.getValue(), now);
        }
        if (lost.getAndSet(false) && connected) {
            connected = false;
            log.accept("MQTT: the connection to " + settings.url() + " was lost (" + lostReason + "); reconnecting");
            nextAttempt = now.plus(backoff);
            setStatus(MqttStatus.State.DISCONNECTED, lostReason);
        }
        if (!connected && !now.isBefore(nextAttempt)) {
            connect();
        }
        if (connected) {
            announce();
            flush();
        }
        long drops = outbox.dropped() + eventsDropped.get();
        if (drops > reportedDrops) {
            log.accept("MQTT: the offline buffer is full (" + settings.bufferSize() + " messages): "
                    + (drops - reportedDrops) + " oldest dropped");
            reportedDrops = drops;
        }
        MqttStatus s = status;
        if (s.published() != published || s.buffered() != outbox.size() || s.dropped() != drops) {
            setStatus(s.state(), s.detail());
        }
    }

    private void handle(Object e) {
        switch (e) {
            case BusStatus b -> {
                BusStatus before = buses.put(b.busId(), b);
                String online = b.state() == BusState.OPEN ? Topics.ONLINE : Topics.OFFLINE;
                if (before == null || (before.state() == BusState.OPEN) != (b.state() == BusState.OPEN)) {
                    queueRetained(topics.bus(b.busId()), online);
                }
            }
            case PackStatus p -> {
                String topic = topics.packStatus(p.busId(), p.address());
                String online = p.state() == PackLinkState.ONLINE ? Topics.ONLINE : Topics.OFFLINE;
                if (!online.equals(retained.get(topic))) {
                    queueRetained(topic, online);
                }
            }
            case FlagChange f -> {
                Pack pack = pack(f.busId(), f.address());
                if (!Boolean.valueOf(f.raised()).equals(pack.flags.put(f.flag(), f.raised()))) {
                    queueRetained(topics.flag(f.busId(), f.address(), f.flag()), f.raised() ? Topics.ON : Topics.OFF);
                }
            }
            default -> {
            }
        }
    }

    private Pack pack(String busId, int address) {
        return packs.computeIfAbsent(key(busId, address), k -> new Pack(busId, address));
    }

    private void state(PackData d, Instant now) {
        Pack pack = pack(d.busId(), d.address());
        PackSnapshot s = d.snapshot();
        if (s.time().equals(pack.lastTime)) {
            return;
        }
        if (!settings.interval().isZero() && now.isBefore(pack.lastSent.plus(settings.interval()))) {
            return;
        }
        pack.lastTime = s.time();
        pack.lastSent = now;
        JsonObject json = PackState.json(d.busId(), s);
        outbox.add(new Message(topics.state(d.busId(), d.address()), json.toString(), false));
        Set<String> sensors = Discovery.sensorKeys(json);
        Set<FlagCategory> categories = EnumSet.noneOf(FlagCategory.class);
        for (FlagCategory c : s.reportedFlagCategories()) {
            if (FLAG_TOPICS.contains(c)) {
                categories.add(c);
            }
        }
        if (!pack.sensors.containsAll(sensors) || !pack.categories.containsAll(categories)) {
            pack.sensors.addAll(sensors);
            pack.categories.addAll(categories);
            pack.announce = true;
        }
        for (PackFlag f : PackFlag.values()) {
            if (Topics.published(f) && pack.categories.contains(f.category())) {
                boolean on = s.hasFlag(f);
                if (!Boolean.valueOf(on).equals(pack.flags.put(f, on))) {
                    queueRetained(topics.flag(d.busId(), d.address(), f), on ? Topics.ON : Topics.OFF);
                }
            }
        }
    }

    private void queueRetained(String topic, String payload) {
        retained.put(topic, payload);
        outbox.add(new Message(topic, payload, true));
    }

    private void announce() {
        if (!settings.discovery()) {
            return;
        }
        boolean all = reannounce.getAndSet(false);
        for (Pack p : packs.values()) {
            if ((p.announce || all) && !p.sensors.isEmpty()) {
                BusStatus bus = buses.get(p.busId);
                for (Message m : discovery.configs(p.busId, p.address, p.sensors, p.categories,
                        bus == null ? "" : bus.protocol(), bus == null ? "" : bus.label())) {
                    if (!send(m)) {
                        reannounce.set(all);
                        return;
                    }
                }
                p.announce = false;
            }
        }
    }

    private void flush() {
        for (Message m = outbox.peek(); m != null && connected; m = outbox.peek()) {
            if (!send(m)) {
                return;
            }
            outbox.remove();
        }
        if (republish && connected) {
            // the broker may have restarted without its retained messages: the current ones again, after the buffer
            for (Map.Entry<String, String> r : retained.entrySet()) {
                if (!send(new Message(r.getKey(), r.getValue(), true))) {
                    return;
                }
            }
            republish = false;
        }
    }

    /** Publishes one message; false when it has to wait (in-flight window full, or the connection is gone). */
    private boolean send(Message m) {
        try {
            client.publish(m.topic(), m.payload().getBytes(StandardCharsets.UTF_8), settings.qos(), m.retained());
            published++;
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                lostReason = reason(e);
                lost.set(true);
            }
            return false;
        }
    }

    private void connect() {
        setStatus(MqttStatus.State.CONNECTING, "");
        try {
            if (client == null) {
                client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
                client.setCallback(new MqttCallback() {
                    @Override
                    public void connectionLost(Throwable cause) {
                        lostReason = cause == null ? "closed" : reason(cause);
                        lost.set(true);
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        // Home Assistant (re)started: it wants every config again
                        if (topic.equals(topics.homeAssistantStatus())
                                && Topics.ONLINE.equals(new String(message.getPayload(), StandardCharsets.UTF_8).strip())) {
                            reannounce.set(true);
                        }
                    }

                    @Override
                    public void deliveryComplete(IMqttDeliveryToken token) {
                    }
                });
            }
            IMqttToken token = client.connect(options());
            token.waitForCompletion(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS + 5));
            lost.set(false);
            connected = true;
            backoff = FIRST_RETRY;
            if (settings.discovery()) {
                client.subscribe(topics.homeAssistantStatus(), settings.qos());
            }
            client.publish(topics.status(), Topics.ONLINE.getBytes(StandardCharsets.UTF_8), settings.qos(), true);
            published++;
            reannounce.set(true);
            republish = true;
            log.accept("MQTT: connected to " + settings.url() + " as " + settings.clientId() + ", topics under "
                    + settings.base() + "/");
            setStatus(MqttStatus.State.CONNECTED, "");
        } catch (MqttException e) {
            int code = e.getReasonCode();
            if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED
                    || code == MqttException.REASON_CODE_INVALID_CLIENT_ID) {
                failed = true;
                String line = "the broker " + settings.url() + " refused this client: " + reason(e);
                log.accept("MQTT: " + line);
                setStatus(MqttStatus.State.FAILED, line);
                return;
            }
            disconnected("cannot connect to " + settings.url() + ": " + reason(e));
        } catch (IOException | GeneralSecurityException e) {
            failed = true;
            String line = "cannot set up TLS with " + settings.caFile() + ": " + e.getMessage();
            log.accept("MQTT: " + line);
            setStatus(MqttStatus.State.FAILED, line);
        }
    }

    private void disconnected(String why) {
        connected = false;
        if (client != null && client.isConnected()) {
            try {
                client.disconnectForcibly(0, 1000);
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.DEBUG, "dropping a half-open MQTT connection: " + e.getMessage());
            }
        }
        log.accept("MQTT: " + why + "; retrying in " + backoff.toSeconds() + " s");
        nextAttempt = clock.instant().plus(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backoff.multipliedBy(2);
        setStatus(MqttStatus.State.DISCONNECTED, why);
    }

    private MqttConnectOptions options() throws IOException, GeneralSecurityException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(1000);
        o.setWill(topics.status(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), settings.qos(), true);
        if (!settings.user().isEmpty()) {
            o.setUserName(settings.user());
        }
        if (!settings.password().isEmpty()) {
            o.setPassword(settings.password().toCharArray());
        }
        if (settings.tls() && settings.caFile() != null) {
            o.setSocketFactory(sslContext().getSocketFactory());
        }
        return o;
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(settings.caFile())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in the file");
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private void finish() {
        if (connected) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (connected && outbox.size() > 0 && System.nanoTime() < deadline) {
                flush();
                if (outbox.size() > 0) {
                    sleep(50);
                }
            }
            try {
                // a clean stop says offline itself; the last will covers the rest
                client.publish(topics.status(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), settings.qos(), true)
                        .waitForCompletion(2000);
                published++;
                client.disconnect(2000).waitForCompletion(3000);
            } catch (MqttException e) {
                log.accept("MQTT: disconnecting from " + settings.url() + ": " + reason(e));
            }
        }
        if (outbox.size() > 0) {
            log.accept("MQTT: " + outbox.size() + " messages were not sent before the end");
        }
        connected = false;
        setStatus(MqttStatus.State.OFF, "");
    }

    private void closeClient() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the MQTT client: " + e.getMessage());
        }
        client = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setStatus(MqttStatus.State state, String detail) {
        MqttStatus s = new MqttStatus(state, settings.url(), detail, published, outbox.dropped() + eventsDropped.get(),
                outbox.size(), clock.instant());
        status = s;
        statusSink.accept(s);
    }

    private static String reason(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = e.getMessage();
        String cm = c == e ? null : c.getMessage();
        if (cm != null && !cm.isBlank() && (m == null || !m.contains(cm))) {
            m = (m == null ? "" : m + ": ") + cm;
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
