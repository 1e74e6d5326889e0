package io.lightpath.southbound.spi;

import java.util.Objects;

/**
 * One configuration item of a {@link ConfigBatch}. Each kind names the device role it applies to; a batch mixing
 * kinds the device does not support fails with {@link DeviceException.Kind#INVALID_REQUEST} before anything is sent.
 *
 * <p>Preconditions are checked against the values read from the device just before the Set: a violated one fails
 * the whole batch with {@link DeviceException.Kind#CONFLICT} and nothing is sent, so a caller working from a stale
 * cache never overwrites configuration it did not expect.
 */
public sealed interface ConfigChange {

    /** Transponder: tune the optical channel and set the admin state (as {@link TransponderConfig}). */
    record TuneOpticalChannel(OpticalChannelConfig config) implements ConfigChange {
        public TuneOpticalChannel {
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * Transponder: return the optical channel to its unconfigured state: the {@code frequency},
     * {@code target-output-power} and {@code operational-mode} configuration is removed and the assigned logical
     * channel (if any) is DISABLED. Leaves already absent are left alone, so it is idempotent.
     */
    record ResetOpticalChannel(String componentName) implements ConfigChange {
        public ResetOpticalChannel {
            Objects.requireNonNull(componentName, "componentName");
        }
    }

    /**
     * ROADM: create or replace the media channel with {@link MediaChannel#index()}.
     *
     * @param createOnly when true the index must be free (or already hold exactly this channel, which is then left
     *     alone); otherwise the batch fails with CONFLICT
     */
    record PutMediaChannel(MediaChannel channel, boolean createOnly) implements ConfigChange {
        public PutMediaChannel {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * ROADM: delete the media channel at {@code expected.index()}, which must be {@code expected} (same edges and
     * ports); absent is a no-op, a different channel at that index is a CONFLICT.
     */
    record RemoveMediaChannel(MediaChannel expected) implements ConfigChange {
        public RemoveMediaChannel {
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** OCS: connect the two ports, replacing whatever the input port was connected to. */
    record Connect(CrossConnect crossConnect) implements ConfigChange {
        public Connect {
            Objects.requireNonNull(crossConnect, "crossConnect");
        }
    }

    /**
     * OCS: remove the cross-connect on {@code expected.inputPort()}, which must lead to
     * {@code expected.outputPort()}; absent is a no-op, another output is a CONFLICT.
     */
    record Disconnect(CrossConnect expected) implements ConfigChange {
        public Disconnect {
            Objects.requireNonNull(expected, "expected");
        }
    }
}
