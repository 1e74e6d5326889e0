package io.lightpath.southbound.gnmi;

import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.ModelData;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.southbound.spi.CrossConnectConfig;
import io.lightpath.southbound.spi.DeviceBehaviour;
import io.lightpath.southbound.spi.DeviceDescription;
import io.lightpath.southbound.spi.DeviceDriver;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannelConfig;
import io.lightpath.southbound.spi.OpticalStateReader;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.TransponderConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The gNMI {@link DeviceDriver}: one target, reached over a channel shared with the other devices of its endpoint
 * ({@link GnmiChannels}), offering the behaviours of its {@link GnmiDeviceType}.
 *
 * <p>Thread-safe. {@link #close()} cancels every subscription and call of this device and releases the channel,
 * which shuts down with its last device.
 */
public final class GnmiDeviceDriver implements DeviceDriver {

    private final GnmiDeviceConfig config;
    private final GnmiClient client;
    private final GnmiSession session;
    private final Map<Class<? extends DeviceBehaviour>, DeviceBehaviour> behaviours = new LinkedHashMap<>();
    private final List<ResilientSubscription> subscriptions = new ArrayList<>();
    private final Scheduler scheduler;
    private LivenessCheck liveness;
    private ConfigMirror mirror;
    private boolean closed;

    /**
     * @param config target address, security, credentials, deadline, backoff
     * @param validator schema check applied to every payload before it is sent
     * @param scheduler runs subscription reconnects (inject a manual one in tests)
     */
    public GnmiDeviceDriver(GnmiDeviceConfig config, PayloadValidator validator, Scheduler scheduler) {
        this(config, validator, scheduler, java.time.Clock.systemUTC());
    }

    /**
     * @param clock time of connection state changes ({@link #connectionStatus()})
     */
    public GnmiDeviceDriver(GnmiDeviceConfig config, PayloadValidator validator, Scheduler scheduler,
            java.time.Clock clock) {
        this.config = config;
        this.scheduler = scheduler;
        this.client = new GnmiClient(config, clock);
        this.session = new GnmiSession(client, validator);
        GnmiStateSubscriber subscriber = new GnmiStateSubscriber(session, config.type(), scheduler, config.backoff(),
                this::register);
        switch (config.type()) {
            case TRANSPONDER -> {
                GnmiTransponder transponder = new GnmiTransponder(session);
                behaviours.put(TransponderConfig.class, transponder);
                behaviours.put(OpticalStateReader.class, transponder);
                behaviours.put(ConfigBatch.class, new GnmiConfigBatch(session, config.type(), transponder));
            }
            case ROADM -> behaviours.put(MediaChannelConfig.class, new GnmiRoadm(session));
            case OPTICAL_SWITCH -> behaviours.put(CrossConnectConfig.class, new GnmiOpticalSwitch(session));
        }
        behaviours.putIfAbsent(ConfigBatch.class, new GnmiConfigBatch(session, config.type(), null));
        behaviours.put(StateSubscriber.class, subscriber);
    }

    private synchronized void register(ResilientSubscription subscription) {
        if (closed) {
            throw new DeviceException(deviceId(), DeviceException.Kind.UNAVAILABLE, "driver is closed");
        }
        subscriptions.add(subscription);
    }

    /**
     * Starts a periodic Capabilities check ({@link LivenessCheck}) so that {@link #connectionStatus()} follows the
     * device while nothing else is sent to it: for devices without a state stream (ROADMs, optical switches). The
     * first check runs one {@code interval} from now; while the device does not answer, checks follow the
     * config's backoff. Stopped by {@link #close()}; a second call does nothing.
     */
    public void startLivenessChecks(Duration interval) {
        LivenessCheck check;
        synchronized (this) {
            if (closed || liveness != null) {
                return;
            }
            liveness = new LivenessCheck(client, scheduler, interval, config.backoff());
            check = liveness;
        }
        check.start();
    }

    /**
     * Starts keeping a {@link ConfigMirror} of the configuration this driver writes, fed by a STREAM subscription
     * ({@link ResilientSubscription}, reconnecting with the config's backoff): once it has synced, changes take their
     * priors from it and are verified by the device's own stream instead of Gets (docs/southbound.md, "Config
     * mirror"). Until then, and whenever the stream is down, changes read the device as before. A second call does
     * nothing.
     *
     * @param grace how long a written change may take to show in the stream before it is read back instead
     * @return completes at the mirror's first sync (never fails; it may never complete if the device never answers)
     */
    public CompletableFuture<Void> startConfigMirror(Duration grace) {
        return startConfigMirror(grace, scheduler);
    }

    /** As {@link #startConfigMirror(Duration)}, with the grace timer and reconnects on {@code mirrorScheduler}. */
    CompletableFuture<Void> startConfigMirror(Duration grace, Scheduler mirrorScheduler) {
        ConfigMirror m;
        ResilientSubscription subscription;
        synchronized (this) {
            if (closed) {
                throw new DeviceException(deviceId(), DeviceException.Kind.UNAVAILABLE, "driver is closed");
            }
            if (mirror != null) {
                return mirror.firstSync();
            }
            m = new ConfigMirror(deviceId(), ConfigMirror.scopes(config.type()), mirrorScheduler, grace);
            mirror = m;
            subscription = new ResilientSubscription(client, mirrorScheduler, config.backoff(),
                    m.request(config.prefix()), m);
            subscriptions.add(subscription);
        }
        session.attach(m);
        subscription.start();
        return m.firstSync();
    }

    /** The config mirror, if started; for tests. */
    synchronized Optional<ConfigMirror> configMirror() {
        return Optional.ofNullable(mirror);
    }

    /** Consecutive failed liveness checks (0 without checks or while the device answers); for tests. */
    synchronized int livenessFailures() {
        return liveness == null ? 0 : liveness.consecutiveFailures();
    }

    @Override
    public String deviceId() {
        return config.deviceId();
    }

    /** The session, for reads and changes not covered by a behaviour (e.g. full-tree snapshots). */
    public GnmiSession session() {
        return session;
    }

    @Override
    public CompletableFuture<DeviceDescription> discover() {
        return client.probe().thenApply(caps -> {
            List<DeviceDescription.SupportedModel> models = caps.getSupportedModelsList().stream()
                    .map(m -> new DeviceDescription.SupportedModel(m.getName(), m.getOrganization(), m.getVersion()))
                    .toList();
            Set<String> missing = new TreeSet<>(config.type().requiredModels());
            caps.getSupportedModelsList().stream().map(ModelData::getName).forEach(missing::remove);
            if (!missing.isEmpty()) {
                throw incompatible("target does not support required model(s) " + missing);
            }
            if (!caps.getSupportedEncodingsList().contains(Encoding.JSON_IETF)) {
                throw incompatible("target does not support JSON_IETF encoding (supports "
                        + caps.getSupportedEncodingsList() + ")");
            }
            return new DeviceDescription(deviceId(), caps.getGNMIVersion(), models);
        });
    }

    private DeviceException incompatible(String message) {
        DeviceException e = new DeviceException(deviceId(), DeviceException.Kind.UNSUPPORTED, message);
        client.session().failed(e);
        return e;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return client.connectionStatus();
    }

    @Override
    public Set<Class<? extends DeviceBehaviour>> behaviours() {
        return Set.copyOf(behaviours.keySet());
    }

    @Override
    public <T extends DeviceBehaviour> Optional<T> behaviour(Class<T> type) {
        return Optional.ofNullable(behaviours.get(type)).map(type::cast);
    }

    @Override
    public void close() {
        List<ResilientSubscription> toClose;
        LivenessCheck check;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = List.copyOf(subscriptions);
            subscriptions.clear();
            check = liveness;
        }
        if (check != null) {
            check.close();
        }
        toClose.forEach(ResilientSubscription::close);
        client.close();
    }
}
