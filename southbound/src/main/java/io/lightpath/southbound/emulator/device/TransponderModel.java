package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.DeviceSchema;
import io.lightpath.southbound.emulator.store.LeafType;
import io.lightpath.southbound.emulator.store.ListEntries;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * A transponder: openconfig-platform components, one per port, each with an
 * openconfig-terminal-device optical-channel ({@code frequency} in MHz, {@code
 * target-output-power} in dBm). The laser is on while a frequency is configured.
 */
final class TransponderModel implements DeviceModel {
  static final TransponderModel INSTANCE = new TransponderModel();
  static final String COMPONENT = "components/component";
  static final String OCH = COMPONENT + "/optical-channel";
  static final String LOGICAL = "terminal-device/logical-channels/channel";
  static final String ASSIGNMENT = LOGICAL + "/logical-channel-assignments/assignment";
  /** Lowest accepted target-output-power, dBm. */
  static final double MIN_POWER_DBM = -15.0;
  /** Highest accepted target-output-power, dBm. */
  static final double MAX_POWER_DBM = 5.0;

  private final DeviceSchema schema =
      DeviceSchema.builder()
          .top("components", "openconfig-platform")
          .top("terminal-device", "openconfig-terminal-device")
          .list(LOGICAL, "index")
          .leaf(LOGICAL + "/index", new LeafType.Uint(32), true)
          .configLeaf(LOGICAL, "index", new LeafType.Uint(32))
          .configLeaf(LOGICAL, "description", new LeafType.Str())
          .configLeaf(LOGICAL, "admin-state", new LeafType.Enum(Set.of("ENABLED", "DISABLED", "MAINT")))
          .list(ASSIGNMENT, "index")
          .leaf(ASSIGNMENT + "/index", new LeafType.Uint(32), true)
          .configLeaf(ASSIGNMENT, "index", new LeafType.Uint(32))
          .configLeaf(ASSIGNMENT, "assignment-type",
              new LeafType.Enum(Set.of("LOGICAL_CHANNEL", "OPTICAL_CHANNEL")))
          .configLeaf(ASSIGNMENT, "optical-channel", new LeafType.Str())
          .configLeaf(ASSIGNMENT, "allocation", new LeafType.Decimal(3))
          .list(COMPONENT, "name")
          .leaf(COMPONENT + "/name", new LeafType.Str(), true)
          .configLeaf(COMPONENT, "name", new LeafType.Str())
          .leaf(
              COMPONENT + "/state/oper-status",
              new LeafType.Enum(Set.of("ACTIVE", "INACTIVE", "DISABLED")),
              false)
          .configLeaf(OCH, "frequency", new LeafType.Uint(64))
          .configLeaf(OCH, "target-output-power", new LeafType.Decimal(2))
          .configLeaf(OCH, "operational-mode", new LeafType.Uint(16))
          .leaf(OCH + "/state/carrier-present", new LeafType.Bool(), false)
          .leaf(OCH + "/state/input-power/instant", new LeafType.Decimal(2), false)
          .leaf(OCH + "/state/output-power/instant", new LeafType.Decimal(2), false)
          .leaf(OCH + "/state/osnr/instant", new LeafType.Decimal(2), false)
          .leaf(OCH + "/state/pre-fec-ber/instant", new LeafType.Decimal(18), false)
          .build();

  private TransponderModel() {}

  @Override
  public DeviceSchema schema() {
    return schema;
  }

  @Override
  public List<ModelInfo> modules() {
    return List.of(
        ModelInfo.openconfig("openconfig-platform", "0.32.0"),
        ModelInfo.openconfig("openconfig-terminal-device", "1.12.0"));
  }

  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    validateAssignments(spec, candidate);
    validateComponents(spec, candidate);
  }

  /** Checks each component's name, frequency and power. */
  private static void validateComponents(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    for (var e : ListEntries.of(candidate, COMPONENT).entrySet()) {
      String name = e.getKey().elems().get(1).keys().get("name");
      if (!spec.ports().contains(name)) {
        throw ConfigException.invalid(
            "transponder " + spec.name() + " has no component '" + name + "'; its line ports are "
                + spec.ports());
      }
      JsonNode f = e.getValue().get("optical-channel/config/frequency");
      if (f != null && f.asLong() != 0) {
        long mhz = f.asLong();
        if (!FrequencyPlan.inBand(mhz)) {
          throw ConfigException.invalid(
              "component " + name + ": frequency " + mhz + " MHz is outside "
                  + FrequencyPlan.MIN_FREQUENCY_MHZ + ".." + FrequencyPlan.MAX_FREQUENCY_MHZ + " MHz");
        }
        if (!FrequencyPlan.onGrid(mhz)) {
          throw ConfigException.invalid(
              "component " + name + ": frequency " + mhz + " MHz is not on the 6.25 GHz grid");
        }
      }
      JsonNode p = e.getValue().get("optical-channel/config/target-output-power");
      if (p != null && (p.asDouble() < MIN_POWER_DBM || p.asDouble() > MAX_POWER_DBM)) {
        throw ConfigException.invalid(
            "component " + name + ": target-output-power " + p.asDouble() + " dBm is outside "
                + MIN_POWER_DBM + ".." + MAX_POWER_DBM + " dBm");
      }
    }
  }

  /**
   * Checks only the entries under {@code edited}: every rule concerns one component or one
   * assignment, and the committed config was valid, so any error lies in an edited entry. Errors
   * are the ones the full check would report first (assignments before components, each in path
   * order). Edits above the entries (a whole list, a top-level container, the root) check all.
   */
  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate,
      List<DataPath> edited, OpticalView committed) throws ConfigException {
    if (committed == null) {
      validate(spec, candidate);
      return;
    }
    java.util.TreeSet<DataPath> channels = new java.util.TreeSet<>();
    java.util.TreeSet<DataPath> components = new java.util.TreeSet<>();
    for (DataPath p : edited) {
      if (isEntry(p, LOGICAL_NAMES, "index")) {
        channels.add(p.prefix(LOGICAL_NAMES.length));
      } else if (isEntry(p, COMPONENT_NAMES, "name")) {
        components.add(p.prefix(COMPONENT_NAMES.length));
      } else {
        validate(spec, candidate);
        return;
      }
    }
    for (DataPath channel : channels) {
      validateAssignments(spec, under(candidate, channel));
    }
    for (DataPath component : components) {
      validateComponents(spec, under(candidate, component));
    }
  }

  private static final String[] LOGICAL_NAMES = LOGICAL.split("/");
  private static final String[] COMPONENT_NAMES = COMPONENT.split("/");

  /** True when {@code p} lies at or below one entry of the list named {@code names}. */
  private static boolean isEntry(DataPath p, String[] names, String key) {
    if (p.size() < names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!p.elems().get(i).name().equals(names[i])) {
        return false;
      }
    }
    return p.elems().get(names.length - 1).keys().containsKey(key);
  }

  /** The leaves at or below {@code entry}, as a map of their own. */
  private static NavigableMap<DataPath, JsonNode> under(
      NavigableMap<DataPath, JsonNode> leaves, DataPath entry) {
    java.util.TreeMap<DataPath, JsonNode> out = new java.util.TreeMap<>();
    for (var e : leaves.tailMap(entry, true).entrySet()) {
      if (!e.getKey().startsWith(entry)) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Checks that logical-channel assignments name existing optical channels. */
  private static void validateAssignments(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    for (var e : ListEntries.of(candidate, ASSIGNMENT).entrySet()) {
      JsonNode och = e.getValue().get("config/optical-channel");
      if (och != null && !spec.ports().contains(och.asText())) {
        throw ConfigException.invalid(e.getKey() + ": optical-channel '" + och.asText()
            + "' is not a component of " + spec.name() + " (" + spec.ports() + ")");
      }
    }
  }

  /**
   * Boots with one component per port and one logical channel per port (index 1, 2, ... in port
   * order), ENABLED and assigned to that port's optical channel.
   */
  @Override
  public JsonNode initialConfig(DeviceSpec spec) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    var list = root.putObject("openconfig-platform:components").putArray("component");
    var channels = root.putObject("openconfig-terminal-device:terminal-device")
        .putObject("logical-channels").putArray("channel");
    int index = 1;
    for (String port : spec.ports()) {
      ObjectNode c = list.addObject();
      c.put("name", port);
      c.putObject("config").put("name", port);
      ObjectNode ch = channels.addObject();
      ch.put("index", index);
      ch.putObject("config").put("index", index).put("admin-state", "ENABLED")
          .put("description", "carrier of " + port);
      ObjectNode a = ch.putObject("logical-channel-assignments").putArray("assignment").addObject();
      a.put("index", 1);
      a.putObject("config").put("index", 1).put("assignment-type", "OPTICAL_CHANNEL")
          .put("optical-channel", port).put("allocation", "100.000");
      index++;
    }
    return root;
  }

  /** Ports whose optical channel is assigned to a logical channel that is not ENABLED. */
  private static java.util.Set<String> disabledPorts(NavigableMap<DataPath, JsonNode> config) {
    java.util.Set<String> disabled = new java.util.HashSet<>();
    for (var ch : ListEntries.of(config, LOGICAL).entrySet()) {
      JsonNode admin = ch.getValue().get("config/admin-state");
      if (admin == null || admin.asText().equals("ENABLED")) {
        continue;
      }
      for (var e : ch.getValue().entrySet()) {
        if (e.getKey().endsWith("/config/optical-channel")) {
          disabled.add(e.getValue().asText());
        }
      }
    }
    return disabled;
  }

  @Override
  public OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config) {
    Map<String, OpticalView.Tuning> tuning = new HashMap<>();
    java.util.Set<String> disabled = disabledPorts(config);
    for (var e : ListEntries.of(config, COMPONENT).entrySet()) {
      JsonNode f = e.getValue().get("optical-channel/config/frequency");
      String name = e.getKey().elems().get(1).keys().get("name");
      if (f != null && f.asLong() != 0 && !disabled.contains(name)) {
        JsonNode p = e.getValue().get("optical-channel/config/target-output-power");
        tuning.put(
            name,
            new OpticalView.Tuning(f.asLong(), p == null ? 0.0 : p.asDouble()));
      }
    }
    return new OpticalView.Transponder(Map.copyOf(tuning));
  }

  @Override
  public Map<DataPath, JsonNode> operationalState(
      DeviceSpec spec, NavigableMap<DataPath, JsonNode> config, DeviceOptics optics) {
    return operationalState(spec, config, opticalView(spec, config), optics);
  }

  @Override
  public Map<DataPath, JsonNode> operationalState(DeviceSpec spec,
      NavigableMap<DataPath, JsonNode> config, OpticalView view, DeviceOptics optics) {
    Map<DataPath, JsonNode> out = new LinkedHashMap<>();
    Map<String, OpticalView.Tuning> tuning = ((OpticalView.Transponder) view).tuning();
    for (String port : spec.ports()) {
      StatePaths paths = STATE_PATHS.computeIfAbsent(port, StatePaths::of);
      OpticalReading r = optics.receivers().getOrDefault(port, OpticalReading.DARK);
      OpticalView.Tuning t = tuning.get(port);
      out.put(paths.operStatus(), TextNode.valueOf(r.carrierPresent() ? "ACTIVE" : "INACTIVE"));
      out.put(paths.carrierPresent(), BooleanNode.valueOf(r.carrierPresent()));
      out.put(paths.inputPower(), DoubleNode.valueOf(r.inputPowerDbm()));
      out.put(paths.outputPower(),
          DoubleNode.valueOf(t == null ? OpticalReading.DARK_POWER_DBM : t.outputPowerDbm()));
      out.put(paths.osnr(), DoubleNode.valueOf(r.osnrDb()));
      out.put(paths.preFecBer(), DoubleNode.valueOf(r.preFecBer()));
    }
    return out;
  }

  /** The state leaves of one port's component, built once per port name (paths are immutable). */
  private record StatePaths(DataPath operStatus, DataPath carrierPresent, DataPath inputPower,
      DataPath outputPower, DataPath osnr, DataPath preFecBer) {
    static StatePaths of(String port) {
      DataPath component =
          DataPath.ROOT.child("components").child(new DataPath.Elem("component", Map.of("name", port)));
      DataPath state = component.child("optical-channel").child("state");
      return new StatePaths(component.child("state").child("oper-status"),
          state.child("carrier-present"), state.child("input-power").child("instant"),
          state.child("output-power").child("instant"), state.child("osnr").child("instant"),
          state.child("pre-fec-ber").child("instant"));
    }
  }

  private static final Map<String, StatePaths> STATE_PATHS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
