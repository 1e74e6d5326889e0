package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.DeviceSchema;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import java.util.Map;
import java.util.NavigableMap;

/**
 * How one device role is modelled: its YANG subset, its cross-leaf validation, how its config
 * reads as optics, and which state leaves it reports. Stateless; one instance per role.
 */
public interface DeviceModel {
  /** The schema of this role's data tree. */
  DeviceSchema schema();

  /** The YANG modules this role implements, for Capabilities. */
  java.util.List<ModelInfo> modules();

  /** Cross-leaf checks of a candidate config of device {@code spec}. */
  void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException;

  /**
   * Cross-leaf checks of a candidate that differs from the committed (valid) config only under
   * {@code edited}; {@code committed} is the committed config's view. Models with large lists
   * override this to check only the edited entries.
   */
  default void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate,
      java.util.List<DataPath> edited, OpticalView committed) throws ConfigException {
    validate(spec, candidate);
  }

  /**
   * The optical view of {@code config}, which differs from the config of view {@code previous}
   * only under {@code edited}. Models with large lists override this to re-read only those.
   */
  default OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config,
      java.util.List<DataPath> edited, OpticalView previous) {
    return opticalView(spec, config);
  }

  /** Config the device boots with (e.g. one component per transponder port), as an RFC 7951 tree. */
  JsonNode initialConfig(DeviceSpec spec);

  /** What the config means to light passing through the device. */
  OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config);

  /**
   * State leaves beyond the config mirror: operational status and, for transponders, what each
   * port receives.
   *
   * @param optics the device's latest optical state
   */
  Map<DataPath, JsonNode> operationalState(
      DeviceSpec spec, NavigableMap<DataPath, JsonNode> config, DeviceOptics optics);

  /**
   * As {@link #operationalState(DeviceSpec, NavigableMap, DeviceOptics)}, given {@code view},
   * the optical view of {@code config} the device already holds, so that a model need not
   * re-read its config for it.
   */
  default Map<DataPath, JsonNode> operationalState(DeviceSpec spec,
      NavigableMap<DataPath, JsonNode> config, OpticalView view, DeviceOptics optics) {
    return operationalState(spec, config, optics);
  }

  /**
   * True when {@link #operationalState} is a function of config alone, entry by entry: the state
   * under a list entry depends only on the config under that entry and not on optics. The device
   * then refreshes state only under edited entries; otherwise it recomputes the whole state
   * (bounded by the device's ports) on every publish.
   */
  default boolean stateFollowsListEntries() {
    return false;
  }

  /** The model for {@code role}. */
  static DeviceModel forRole(DeviceRole role) {
    return switch (role) {
      case TRANSPONDER -> TransponderModel.INSTANCE;
      case ROADM -> RoadmModel.INSTANCE;
      case OCS -> OcsModel.INSTANCE;
    };
  }
}
