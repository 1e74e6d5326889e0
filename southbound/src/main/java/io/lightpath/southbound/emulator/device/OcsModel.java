package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
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

  private final DeviceSchema schema =
      DeviceSchema.builder()
          .top("optical-switch", "lightpath-optical-switch")
          .list(XC, "input-port")
          .leaf(XC + "/input-port", new LeafType.Str(), true)
          .configLeaf(XC, "input-port", new LeafType.Str())
          .configLeaf(XC, "output-port", new LeafType.Str())
          .leaf(XC + "/state/oper-status", new LeafType.Enum(Set.of("UP", "DOWN")), false)
          .build();

  private OcsModel() {}

  @Override
  public DeviceSchema schema() {
    return schema;
  }

  @Override
  public List<String[]> modules() {
    return List.<String[]>of(new String[] {"lightpath-optical-switch", "Lightpath", "2026-01-01"});
  }

  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
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
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config) {
    Map<String, String> peer = new HashMap<>();
    for (var e : ListEntries.of(config, XC).entrySet()) {
      String in = e.getKey().elems().get(2).keys().get("input-port");
      JsonNode out = e.getValue().get("config/output-port");
      if (out != null) {
        peer.put(in, out.asText());
        peer.put(out.asText(), in);
      }
    }
    return new OpticalView.Ocs(Map.copyOf(peer));
  }

  @Override
  public Map<DataPath, JsonNode> operationalState(
      DeviceSpec spec, NavigableMap<DataPath, JsonNode> config, Map<String, OpticalReading> readings) {
    Map<DataPath, JsonNode> out = new LinkedHashMap<>();
    for (DataPath entry : ListEntries.of(config, XC).keySet()) {
      out.put(entry.child("state").child("oper-status"), TextNode.valueOf("UP"));
    }
    return out;
  }
}
