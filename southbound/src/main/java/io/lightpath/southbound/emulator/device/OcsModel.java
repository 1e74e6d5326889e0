package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * An optical circuit switch (lightpath-optical-switch): cross-connects keyed by input port join
 * it to an output port; light passes in both directions, at every frequency. A port belongs to at
 * most one cross-connect.
 */
final class OcsModel implements DeviceModel {
  static final OcsModel INSTANCE = new OcsModel();
  static final String XC = "optical-switch/cross-connects/cross-connect";
  static final String PORT = "optical-switch/ports/port";

  private final DeviceSchema schema =
      DeviceSchema.builder()
          .top("optical-switch", "lightpath-optical-switch")
          .list(PORT, "name")
          .leaf(PORT + "/name", new LeafType.Str(), true)
          .configLeaf(PORT, "name", new LeafType.Str())
          .configLeaf(PORT, "description", new LeafType.Str())
          .configLeaf(PORT, "admin-state", new LeafType.Enum(Set.of("ENABLED", "DISABLED", "MAINT")))
          .leaf(PORT + "/state/oper-status", new LeafType.Enum(Set.of("UP", "DOWN")), false)
          .leaf(PORT + "/state/input-power/instant", new LeafType.Decimal(2), false)
          .leaf(PORT + "/state/output-power/instant", new LeafType.Decimal(2), false)
          .list(XC, "input-port")
          .leaf(XC + "/input-port", new LeafType.Str(), true)
          .configLeaf(XC, "input-port", new LeafType.Str())
          .configLeaf(XC, "output-port", new LeafType.Str())
          .configLeaf(XC, "description", new LeafType.Str())
          .leaf(XC + "/state/oper-status", new LeafType.Enum(Set.of("UP", "DOWN")), false)
          .build();

  private OcsModel() {}

  @Override
  public DeviceSchema schema() {
    return schema;
  }

  @Override
  public List<ModelInfo> modules() {
    return List.of(new ModelInfo("lightpath-optical-switch", "Lightpath project", "1.0.0"));
  }

  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    for (DataPath port : ListEntries.of(candidate, PORT).keySet()) {
      String name = port.elems().get(2).keys().get("name");
      if (!spec.ports().contains(name)) {
        throw ConfigException.invalid(
            "OCS " + spec.name() + " has no port '" + name + "'; ports are " + spec.ports());
      }
    }
    Map<String, String> usedBy = new HashMap<>();
    var entries = ListEntries.of(candidate, XC);
    // Inputs first, so that an output clashing with any input is reported as in use.
    for (DataPath entry : entries.keySet()) {
      String in = entry.elems().get(2).keys().get("input-port");
      if (!spec.ports().contains(in)) {
        throw ConfigException.invalid(
            "cross-connect " + in + ": OCS " + spec.name() + " has no port '" + in + "'; ports are "
                + spec.ports());
      }
      usedBy.put(in, in);
    }
    for (var e : entries.entrySet()) {
      String in = e.getKey().elems().get(2).keys().get("input-port");
      JsonNode outNode = e.getValue().get("config/output-port");
      if (outNode == null) {
        throw ConfigException.invalid("cross-connect " + in + ": missing config/output-port");
      }
      String out = outNode.asText();
      if (!spec.ports().contains(out)) {
        throw ConfigException.invalid(
            "cross-connect " + in + ": OCS " + spec.name() + " has no port '" + out + "'; ports are "
                + spec.ports());
      }
      if (out.equals(in)) {
        throw ConfigException.invalid("cross-connect " + in + ": output-port equals input-port");
      }
      String owner = usedBy.putIfAbsent(out, in);
      if (owner != null) {
        throw ConfigException.conflict(
            "cross-connect " + in + ": output port " + out
                + " is already in use by cross-connect " + owner);
      }
    }
  }

  @Override
  public JsonNode initialConfig(DeviceSpec spec) {
    var root = JsonNodeFactory.instance.objectNode();
    var ports = root.putObject("lightpath-optical-switch:optical-switch").putObject("ports")
        .putArray("port");
    for (String p : spec.ports()) {
      var entry = ports.addObject();
      entry.put("name", p);
      entry.putObject("config").put("name", p).put("admin-state", "ENABLED");
    }
    return root;
  }

  /** Ports whose admin-state is not ENABLED: they pass no light. */
  private static Set<String> disabledPorts(NavigableMap<DataPath, JsonNode> config) {
    Set<String> out = new java.util.HashSet<>();
    for (var e : ListEntries.of(config, PORT).entrySet()) {
      JsonNode admin = e.getValue().get("config/admin-state");
      if (admin != null && !admin.asText().equals("ENABLED")) {
        out.add(e.getKey().elems().get(2).keys().get("name"));
      }
    }
    return out;
  }

  @Override
  public OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config) {
    Map<String, String> peer = new HashMap<>();
    Set<String> disabled = disabledPorts(config);
    for (var e : ListEntries.of(config, XC).entrySet()) {
      String in = e.getKey().elems().get(2).keys().get("input-port");
      JsonNode out = e.getValue().get("config/output-port");
      if (out != null && !disabled.contains(in) && !disabled.contains(out.asText())) {
        peer.put(in, out.asText());
        peer.put(out.asText(), in);
      }
    }
    return new OpticalView.Ocs(Map.copyOf(peer));
  }

  @Override
  public Map<DataPath, JsonNode> operationalState(
      DeviceSpec spec, NavigableMap<DataPath, JsonNode> config, DeviceOptics optics) {
    Map<DataPath, JsonNode> out = new LinkedHashMap<>();
    Set<String> disabled = disabledPorts(config);
    for (var e : ListEntries.of(config, XC).entrySet()) {
      String in = e.getKey().elems().get(2).keys().get("input-port");
      JsonNode o = e.getValue().get("config/output-port");
      boolean up = o != null && !disabled.contains(in) && !disabled.contains(o.asText());
      out.put(e.getKey().child("state").child("oper-status"), TextNode.valueOf(up ? "UP" : "DOWN"));
    }
    for (String port : spec.ports()) {
      DataPath state = DataPath.ROOT.child("optical-switch").child("ports")
          .child(new DataPath.Elem("port", Map.of("name", port))).child("state");
      Double in = optics.inputPowerDbm().get(port);
      Double o = optics.outputPowerDbm().get(port);
      boolean lit = in != null && !disabled.contains(port);
      out.put(state.child("oper-status"), TextNode.valueOf(lit ? "UP" : "DOWN"));
      out.put(state.child("input-power").child("instant"),
          DoubleNode.valueOf(in == null ? OpticalReading.DARK_POWER_DBM : in));
      out.put(state.child("output-power").child("instant"),
          DoubleNode.valueOf(o == null ? OpticalReading.DARK_POWER_DBM : o));
    }
    return out;
  }
}
