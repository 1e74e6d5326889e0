package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * A ROADM: openconfig-wavelength-router media channels, each passing the passband {@code
 * lower-frequency..upper-frequency} (MHz) from its source port to its dest port. Two enabled
 * channels may not overlap in frequency on the same source port or on the same dest port.
 */
final class RoadmModel implements DeviceModel {
  static final RoadmModel INSTANCE = new RoadmModel();
  static final String CHANNEL = "wavelength-router/media-channels/channel";

  private final DeviceSchema schema =
      DeviceSchema.builder()
          .top("wavelength-router", "openconfig-wavelength-router")
          .top("components", "openconfig-platform")
          .list("components/component", "name")
          .leaf("components/component/name", new LeafType.Str(), true)
          .configLeaf("components/component", "name", new LeafType.Str())
          .list(CHANNEL, "index")
          .leaf(CHANNEL + "/index", new LeafType.Uint(32), true)
          .configLeaf(CHANNEL, "index", new LeafType.Uint(32))
          .configLeaf(CHANNEL, "name", new LeafType.Str())
          .configLeaf(CHANNEL, "lower-frequency", new LeafType.Uint(64))
          .configLeaf(CHANNEL, "upper-frequency", new LeafType.Uint(64))
          .configLeaf(
              CHANNEL, "admin-status", new LeafType.Enum(Set.of("ENABLED", "DISABLED", "MAINT")))
          .configLeaf(CHANNEL + "/source", "port-name", new LeafType.Str())
          .configLeaf(CHANNEL + "/dest", "port-name", new LeafType.Str())
          .leaf(CHANNEL + "/state/oper-status", new LeafType.Enum(Set.of("UP", "DOWN")), false)
          .build();

  private RoadmModel() {}

  @Override
  public DeviceSchema schema() {
    return schema;
  }

  @Override
  public List<ModelInfo> modules() {
    return List.of(
        ModelInfo.openconfig("openconfig-wavelength-router", "1.2.0"),
        ModelInfo.openconfig("openconfig-platform", "0.32.0"));
  }

  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    for (DataPath c : ListEntries.of(candidate, "components/component").keySet()) {
      String name = c.elems().get(1).keys().get("name");
      if (!spec.ports().contains(name)) {
        throw ConfigException.invalid(
            "ROADM " + spec.name() + " has no port component '" + name + "'; ports are " + spec.ports());
      }
    }
    List<OpticalView.MediaChannel> channels = new ArrayList<>();
    for (var e : ListEntries.of(candidate, CHANNEL).entrySet()) {
      Map<String, JsonNode> leaves = e.getValue();
      long index = Long.parseLong(e.getKey().elems().get(2).keys().get("index"));
      String what = "media channel " + index;
      long lower = require(leaves, "config/lower-frequency", what).asLong();
      long upper = require(leaves, "config/upper-frequency", what).asLong();
      String source = require(leaves, "source/config/port-name", what).asText();
      String dest = require(leaves, "dest/config/port-name", what).asText();
      if (lower >= upper) {
        throw ConfigException.invalid(
            what + ": lower-frequency " + lower + " MHz must be below upper-frequency " + upper + " MHz");
      }
      if (!FrequencyPlan.inBand(lower) || !FrequencyPlan.inBand(upper)) {
        throw ConfigException.invalid(
            what + ": passband " + lower + ".." + upper + " MHz leaves the band "
                + FrequencyPlan.MIN_FREQUENCY_MHZ + ".." + FrequencyPlan.MAX_FREQUENCY_MHZ + " MHz");
      }
      for (String port : List.of(source, dest)) {
        if (!spec.ports().contains(port)) {
          throw ConfigException.invalid(
              what + ": ROADM " + spec.name() + " has no port '" + port + "'; ports are " + spec.ports());
        }
      }
      if (source.equals(dest)) {
        throw ConfigException.invalid(what + ": source and dest are both port " + source);
      }
      OpticalView.MediaChannel mc =
          new OpticalView.MediaChannel(index, lower, upper, source, dest, enabled(leaves));
      if (mc.enabled()) {
        for (OpticalView.MediaChannel other : channels) {
          if (!other.enabled() || other.lowerFrequencyMhz() >= upper || lower >= other.upperFrequencyMhz()) {
            continue;
          }
          String port = other.sourcePort().equals(source) ? "source port " + source
              : other.destPort().equals(dest) ? "dest port " + dest : null;
          if (port != null) {
            throw ConfigException.conflict(
                what + " (" + lower + ".." + upper + " MHz) overlaps media channel " + other.index()
                    + " (" + other.lowerFrequencyMhz() + ".." + other.upperFrequencyMhz()
                    + " MHz) on " + port);
          }
        }
      }
      channels.add(mc);
    }
  }

  private static boolean enabled(Map<String, JsonNode> leaves) {
    JsonNode s = leaves.get("config/admin-status");
    return s == null || s.asText().equals("ENABLED");
  }

  private static JsonNode require(Map<String, JsonNode> leaves, String rel, String what)
      throws ConfigException {
    JsonNode v = leaves.get(rel);
    if (v == null) {
      throw ConfigException.invalid(what + ": missing " + rel);
    }
    return v;
  }

  @Override
  /** Boots with one openconfig-platform component per port: media channel ports refer to them. */
  public JsonNode initialConfig(DeviceSpec spec) {
    var root = JsonNodeFactory.instance.objectNode();
    var list = root.putObject("openconfig-platform:components").putArray("component");
    for (String port : spec.ports()) {
      var c = list.addObject();
      c.put("name", port);
      c.putObject("config").put("name", port);
    }
    return root;
  }

  @Override
  public OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config) {
    List<OpticalView.MediaChannel> channels = new ArrayList<>();
    for (var e : ListEntries.of(config, CHANNEL).entrySet()) {
      Map<String, JsonNode> l = e.getValue();
      JsonNode lower = l.get("config/lower-frequency");
      JsonNode upper = l.get("config/upper-frequency");
      JsonNode src = l.get("source/config/port-name");
      JsonNode dst = l.get("dest/config/port-name");
      if (lower != null && upper != null && src != null && dst != null) {
        channels.add(
            new OpticalView.MediaChannel(
                Long.parseLong(e.getKey().elems().get(2).keys().get("index")),
                lower.asLong(), upper.asLong(), src.asText(), dst.asText(), enabled(l)));
      }
    }
    return new OpticalView.Roadm(List.copyOf(channels));
  }

  /** A media channel's oper-status follows its own admin-status only. */
  @Override
  public boolean stateFollowsListEntries() {
    return true;
  }

  @Override
  public Map<DataPath, JsonNode> operationalState(
      DeviceSpec spec, NavigableMap<DataPath, JsonNode> config, DeviceOptics optics) {
    Map<DataPath, JsonNode> out = new LinkedHashMap<>();
    for (var e : ListEntries.of(config, CHANNEL).entrySet()) {
      out.put(e.getKey().child("state").child("oper-status"),
          TextNode.valueOf(enabled(e.getValue()) ? "UP" : "DOWN"));
    }
    return out;
  }
}
