package io.lightpath.southbound.spi;

/** A monitored quantity a {@link StateSubscriber} can report, with the unit of {@link StateEvent#value()}. */
public enum StateMetric {
    /** Operational status; {@link StateEvent#status()} carries it, value is 1 for UP and 0 otherwise. */
    OPER_STATUS(true),
    /** Loss of signal at the receiver; value is 1 when light is lost, 0 when present. */
    LOSS_OF_SIGNAL(true),
    /** Received optical power in dBm. */
    INPUT_POWER_DBM(false),
    /** Transmitted optical power in dBm. */
    OUTPUT_POWER_DBM(false),
    /** Optical signal-to-noise ratio in dB (0.1 nm reference bandwidth). */
    OSNR_DB(false),
    /** Pre-FEC bit error rate, dimensionless. */
    PRE_FEC_BER(false);

    private final boolean discrete;

    StateMetric(boolean discrete) {
        this.discrete = discrete;
    }

    /**
     * Whether the metric is a discrete state best watched on change (status, alarms) rather than an analogue
     * value best sampled periodically.
     */
    public boolean discrete() {
        return discrete;
    }
}
