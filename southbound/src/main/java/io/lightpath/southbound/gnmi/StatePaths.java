package io.lightpath.southbound.gnmi;

import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.spi.StateMetric;
import java.util.Optional;

/** The leaf each monitored metric is read from, per device type. */
final class StatePaths {

    private StatePaths() {
    }

    /** The leaf for {@code metric} of {@code resource}, or empty if the device type does not report it. */
    static Optional<Path> leaf(GnmiDeviceType type, String resource, StateMetric metric) {
        return switch (type) {
            case TRANSPONDER -> Optional.of(switch (metric) {
                case OPER_STATUS -> under(TerminalDeviceMapping.component(resource), "state", "oper-status");
                case LOSS_OF_SIGNAL -> under(TerminalDeviceMapping.opticalChannel(resource), "state", "carrier-present");
                case INPUT_POWER_DBM -> under(TerminalDeviceMapping.opticalChannel(resource), "state", "input-power",
                        "instant");
                case OUTPUT_POWER_DBM -> under(TerminalDeviceMapping.opticalChannel(resource), "state", "output-power",
                        "instant");
                case OSNR_DB -> under(TerminalDeviceMapping.opticalChannel(resource), "state", "osnr", "instant");
                case PRE_FEC_BER -> under(TerminalDeviceMapping.opticalChannel(resource), "state", "pre-fec-ber",
                        "instant");
            });
            case OPTICAL_SWITCH -> switch (metric) {
                case OPER_STATUS -> Optional.of(under(OpticalSwitchMapping.port(resource), "state", "oper-status"));
                case INPUT_POWER_DBM -> Optional.of(under(OpticalSwitchMapping.port(resource), "state", "input-power",
                        "instant"));
                case OUTPUT_POWER_DBM -> Optional.of(under(OpticalSwitchMapping.port(resource), "state",
                        "output-power", "instant"));
                default -> Optional.empty();
            };
            case ROADM -> metric == StateMetric.OPER_STATUS
                    ? Optional.of(under(WavelengthRouterMapping.channel(Integer.parseInt(resource)), "state",
                            "oper-status"))
                    : Optional.empty();
        };
    }

    private static Path under(Path base, String... names) {
        GnmiPaths.Builder b = GnmiPaths.builder();
        for (String n : names) {
            b.elem(n);
        }
        return GnmiPaths.join(base, b.build());
    }
}
