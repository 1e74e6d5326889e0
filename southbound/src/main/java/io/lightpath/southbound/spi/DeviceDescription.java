package io.lightpath.southbound.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a device says about itself when a driver connects.
 *
 * @param deviceId identifier of the device in the controller
 * @param protocolVersion version of the management protocol the device speaks (for gNMI, e.g. "0.10.0")
 * @param models data models the device supports
 */
public record DeviceDescription(String deviceId, String protocolVersion, List<SupportedModel> models) {

    public DeviceDescription {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        models = List.copyOf(models);
    }

    /** Whether a model with this name (any organisation, any version) is supported. */
    public boolean supports(String modelName) {
        return models.stream().anyMatch(m -> m.name().equals(modelName));
    }

    /**
     * One supported data model.
     *
     * @param name module name, e.g. "openconfig-terminal-device"
     * @param organization publishing organisation, may be empty
     * @param version module revision or semantic version, may be empty
     */
    public record SupportedModel(String name, String organization, String version) {
        public SupportedModel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(version, "version");
        }
    }
}
