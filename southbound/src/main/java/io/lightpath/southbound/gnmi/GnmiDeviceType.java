package io.lightpath.southbound.gnmi;

import java.util.Set;

/** The kinds of optical device the gNMI driver manages, with the YANG modules each must support. */
public enum GnmiDeviceType {
    /** Transponder / muxponder: openconfig-terminal-device over openconfig-platform components. */
    TRANSPONDER(Set.of("openconfig-platform", "openconfig-terminal-device")),
    /** ROADM: openconfig-wavelength-router media channels. */
    ROADM(Set.of("openconfig-wavelength-router")),
    /** Optical circuit switch: Lightpath's own lightpath-optical-switch model. */
    OPTICAL_SWITCH(Set.of("lightpath-optical-switch"));

    private final Set<String> requiredModels;

    GnmiDeviceType(Set<String> requiredModels) {
        this.requiredModels = requiredModels;
    }

    /** Module names the target must list in its Capabilities response. */
    public Set<String> requiredModels() {
        return requiredModels;
    }
}
