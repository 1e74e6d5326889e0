package io.lightpath.southbound.gnmi;

import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.SubscriptionList;
import io.lightpath.proto.gnmi.SubscriptionMode;
import io.lightpath.southbound.spi.StateListener;
import io.lightpath.southbound.spi.StateMetric;
import io.lightpath.southbound.spi.StateSubscriber;
import io.lightpath.southbound.spi.StateSubscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link StateSubscriber} over a gNMI STREAM subscription: discrete metrics ON_CHANGE, analogue metrics SAMPLE.
 */
final class GnmiStateSubscriber extends GnmiBehaviour implements StateSubscriber {

    private final GnmiDeviceType type;
    private final Scheduler scheduler;
    private final BackoffPolicy backoff;
    private final Consumer<ResilientSubscription> registry;

    GnmiStateSubscriber(GnmiSession session, GnmiDeviceType type, Scheduler scheduler, BackoffPolicy backoff,
            Consumer<ResilientSubscription> registry) {
        super(session);
        this.type = type;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.registry = registry;
    }

    @Override
    public StateSubscription subscribe(
            Set<String> resources, Set<StateMetric> metrics, Duration sampleInterval, StateListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (resources.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("resources and metrics must not be empty");
        }
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("sampleInterval must be positive: " + sampleInterval);
        }
        SubscriptionList.Builder list = SubscriptionList.newBuilder()
                .setPrefix(session.client().config().prefix())
                .setMode(SubscriptionList.Mode.STREAM)
                .setEncoding(Encoding.JSON_IETF);
        Map<Path, ResilientSubscription.Target> targets = new LinkedHashMap<>();
        for (String resource : resources) {
            for (StateMetric metric : metrics) {
                Optional<Path> leaf = StatePaths.leaf(type, resource, metric);
                if (leaf.isEmpty()) {
                    throw new IllegalArgumentException(type + " devices do not report " + metric);
                }
                targets.put(leaf.get(), new ResilientSubscription.Target(resource, metric));
                Subscription.Builder s = Subscription.newBuilder().setPath(leaf.get());
                if (metric.discrete()) {
                    s.setMode(SubscriptionMode.ON_CHANGE);
                } else {
                    s.setMode(SubscriptionMode.SAMPLE).setSampleInterval(sampleInterval.toNanos());
                }
                list.addSubscription(s);
            }
        }
        return start(list, targets, listener);
    }

    private StateSubscription start(SubscriptionList.Builder list, Map<Path, ResilientSubscription.Target> targets,
            StateListener listener) {
        ResilientSubscription subscription = ResilientSubscription.ofStates(session.client(), scheduler, backoff,
                SubscribeRequest.newBuilder().setSubscribe(list).build(), targets, listener);
        registry.accept(subscription);
        subscription.start();
        return subscription;
    }

    /**
     * One STREAM subscription with a wildcard key ({@code component[name=*]}, {@code port[name=*]}) per metric, all
     * ON_CHANGE; the resource of each event is the key of the concrete path the target reports.
     */
    @Override
    public StateSubscription subscribeAll(Set<StateMetric> metrics, StateListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must not be empty");
        }
        if (type == GnmiDeviceType.ROADM) {
            throw new IllegalArgumentException("ROADM devices cannot be subscribed to as a whole");
        }
        SubscriptionList.Builder list = SubscriptionList.newBuilder()
                .setPrefix(session.client().config().prefix())
                .setMode(SubscriptionList.Mode.STREAM)
                .setEncoding(Encoding.JSON_IETF);
        Map<Path, ResilientSubscription.Target> targets = new LinkedHashMap<>();
        for (StateMetric metric : metrics) {
            if (!metric.discrete()) {
                throw new IllegalArgumentException("only discrete metrics can be subscribed to as a whole: " + metric);
            }
            Path leaf = StatePaths.leaf(type, ResilientSubscription.ANY, metric).orElseThrow(
                    () -> new IllegalArgumentException(type + " devices do not report " + metric));
            targets.put(leaf, new ResilientSubscription.Target(ResilientSubscription.ANY, metric));
            list.addSubscription(Subscription.newBuilder().setPath(leaf).setMode(SubscriptionMode.ON_CHANGE));
        }
        return start(list, targets, listener);
    }
}
