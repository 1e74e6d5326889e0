package io.lightpath.southbound.spi;

/** Operational status of a port, channel or component, as reported by the device. */
public enum OperStatus {
    UP,
    DOWN,
    /** The device did not report a status, or reported one this controller does not know. */
    UNKNOWN
}
