package io.lightpath.yang;

/** Example JSON_IETF payloads shared by the tests (and quoted in docs/yang.md). */
final class Payloads {
    private Payloads() {
    }

    /** A transponder: a line port, an optical channel on it, and a logical channel assigned to it. */
    static final String TRANSPONDER_ROOT = """
            {
              "openconfig-platform:components": {
                "component": [
                  {"name": "port-1", "config": {"name": "port-1"},
                   "port": {"openconfig-transport-line-common:optical-port": {"config": {"admin-state": "ENABLED"}}}},
                  {"name": "och-1", "config": {"name": "och-1"},
                   "openconfig-terminal-device:optical-channel": {"config": {
                     "frequency": "193100000", "target-output-power": "1.50",
                     "operational-mode": 4, "line-port": "port-1"}}}
                ]
              },
              "openconfig-terminal-device:terminal-device": {
                "logical-channels": {"channel": [
                  {"index": 100, "config": {"index": 100, "admin-state": "ENABLED",
                    "rate-class": "openconfig-transport-types:TRIB_RATE_400G",
                    "logical-channel-type": "openconfig-transport-types:PROT_OTN"},
                   "logical-channel-assignments": {"assignment": [
                     {"index": 1, "config": {"index": 1, "assignment-type": "OPTICAL_CHANNEL",
                       "optical-channel": "och-1", "allocation": "400.000"}}]}}
                ]}
              }
            }
            """;

    /** gNMI value for /components/component[name=och-1]/optical-channel/config. */
    static final String OCH_CONFIG = """
            {"openconfig-terminal-device:frequency": "193100000",
             "openconfig-terminal-device:target-output-power": "1.5",
             "openconfig-terminal-device:operational-mode": 4,
             "openconfig-terminal-device:line-port": "port-1"}
            """;

    /** A ROADM degree: two ports and one media channel between them. */
    static final String ROADM_ROOT = """
            {
              "openconfig-platform:components": {"component": [
                {"name": "add-1", "config": {"name": "add-1"}},
                {"name": "line-1", "config": {"name": "line-1"}}
              ]},
              "openconfig-wavelength-router:wavelength-router": {"media-channels": {"channel": [
                {"index": 7, "config": {"index": 7, "name": "svc-42",
                   "lower-frequency": "193075000", "upper-frequency": "193125000",
                   "admin-status": "ENABLED",
                   "attenuation-control-mode": "openconfig-wavelength-router:ATTENUATION_DYNAMIC_LOSS"},
                 "source": {"config": {"port-name": "add-1"}},
                 "dest": {"config": {"port-name": "line-1"}},
                 "spectrum-power-profile": {"distribution": [
                   {"lower-frequency": "193075000", "upper-frequency": "193125000",
                    "config": {"lower-frequency": "193075000", "upper-frequency": "193125000",
                               "target-power": "-3.00"}}]}}
              ]}}
            }
            """;

    /** An optical circuit switch with four ports and one cross-connect. */
    static final String OCS_ROOT = """
            {
              "lightpath-optical-switch:optical-switch": {
                "config": {"name": "ocs-a"},
                "ports": {"port": [
                  {"name": "1", "config": {"name": "1"}},
                  {"name": "2", "config": {"name": "2"}},
                  {"name": "3", "config": {"name": "3"}},
                  {"name": "4", "config": {"name": "4", "admin-state": "DISABLED"}}
                ]},
                "cross-connects": {"cross-connect": [
                  {"input-port": "1", "config": {"input-port": "1", "output-port": "3"}}
                ]}
              }
            }
            """;
}
