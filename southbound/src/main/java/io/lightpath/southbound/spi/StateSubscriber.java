package io.lightpath.southbound.spi;

import java.time.Duration;
import java.util.Set;

/**
 * Subscribes to state changes of optical channels: operational status and loss of signal are reported on
 * change; input/output power, OSNR and pre-FEC BER are sampled every {@code sampleInterval}.
 *
 * <p>Thread-safe. A subscription survives connection loss: the driver reconnects with capped exponential
 * backoff and re-establishes exactly one stream per subscription.
 */
public interface StateSubscriber extends DeviceBehaviour {

    /**
     * Starts a subscription.
     *
     * @param resources components or ports to watch (e.g. optical-channel component names); not empty
     * @param metrics quantities to report; not empty
     * @param sampleInterval sampling period for analogue metrics; positive
     * @param listener receives the events
     */
    StateSubscription subscribe(
            Set<String> resources, Set<StateMetric> metrics, Duration sampleInterval, StateListener listener);

    /**
     * Starts one subscription to {@code metrics} of <em>every</em> resource of the device, present and future (each
     * event names its resource), so one stream per device serves any number of components.
     *
     * @param metrics discrete quantities ({@link StateMetric#discrete()}), reported on change; not empty
     * @throws IllegalArgumentException when the device type cannot report a metric this way
     */
    default StateSubscription subscribeAll(Set<StateMetric> metrics, StateListener listener) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " cannot subscribe to every resource");
    }
}
