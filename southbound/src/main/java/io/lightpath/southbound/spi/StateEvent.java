package io.lightpath.southbound.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One reported change or sample of a monitored quantity.
 *
 * @param deviceId device that reported it
 * @param resource component or port the value belongs to (e.g. "och-1/1")
 * @param metric which quantity; its Javadoc gives the unit of {@code value}
 * @param value the value in the metric's unit
 * @param status operational status for {@link StateMetric#OPER_STATUS}, {@link OperStatus#UNKNOWN} otherwise
 * @param observedAt device timestamp of the observation
 */
public record StateEvent(
        String deviceId, String resource, StateMetric metric, double value, OperStatus status, Instant observedAt) {

    public StateEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
