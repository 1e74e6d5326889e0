package io.lightpath.southbound.emulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.southbound.emulator.optics.DeviceOptics;
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
import java.util.TreeMap;

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
    validateComponents(spec, candidate);
    List<OpticalView.MediaChannel> channels = new ArrayList<>();
    for (var e : ListEntries.of(candidate, CHANNEL).entrySet()) {
      OpticalView.MediaChannel mc = check(spec, e.getKey(), e.getValue());
      if (mc.enabled()) {
        for (OpticalView.MediaChannel other : channels) {
          String port = conflict(mc, other);
          if (port != null) {
            throw overlap(mc, other, port);
          }
        }
      }
      channels.add(mc);
    }
  }

  /**
   * Checks only the edited channels: the committed config was valid, so any new error involves
   * one of them. Errors are the ones {@link #validate(DeviceSpec, NavigableMap)} would report
   * first (channels in path order; a channel's own errors before its overlaps; an overlap named
   * at the later channel, with the earliest channel it overlaps).
   */
  @Override
  public void validate(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate,
      List<DataPath> edited, OpticalView committed) throws ConfigException {
    Set<Long> changed = editedChannels(edited);
    if (changed == null || !(committed instanceof OpticalView.Roadm before)) {
      validate(spec, candidate);
      return;
    }
    validateComponents(spec, candidate, edited);
    if (changed.isEmpty()) {
      return;
    }
    // The edited channels after the edit, and the unchanged channels they may conflict with,
    // in path order (the order of the full check): the only pairs that can be new conflicts.
    TreeMap<DataPath, OpticalView.MediaChannel> all = new TreeMap<>();
    ConfigException first = null;
    DataPath firstAt = null;
    DataPath firstEarlierAt = null; // null while the first error is a channel's own
    List<OpticalView.MediaChannel> checked = new ArrayList<>();
    for (long index : changed) {
      DataPath at = entry(index);
      Map<String, JsonNode> leaves = leavesOf(candidate, at);
      if (leaves.isEmpty()) {
        continue;
      }
      try {
        OpticalView.MediaChannel mc = check(spec, at, leaves);
        all.put(at, mc);
        checked.add(mc);
      } catch (ConfigException e) {
        if (firstAt == null || at.compareTo(firstAt) < 0) {
          first = e;
          firstAt = at;
        }
      }
    }
    for (OpticalView.MediaChannel mc : checked) {
      if (mc.enabled()) {
        for (OpticalView.MediaChannel other : before.overlapping(
            mc.sourcePort(), mc.destPort(), mc.lowerFrequencyMhz(), mc.upperFrequencyMhz())) {
          if (!changed.contains(other.index())) {
            all.put(entry(other.index()), other);
          }
        }
      }
    }
    for (long index : changed) {
      DataPath at = entry(index);
      OpticalView.MediaChannel mc = all.get(at);
      if (mc == null || !mc.enabled()) {
        continue;
      }
      for (Map.Entry<DataPath, OpticalView.MediaChannel> o : all.entrySet()) {
        OpticalView.MediaChannel other = o.getValue();
        if (other == mc || !other.enabled()) {
          continue;
        }
        boolean otherFirst = o.getKey().compareTo(at) < 0;
        OpticalView.MediaChannel later = otherFirst ? mc : other;
        OpticalView.MediaChannel earlier = otherFirst ? other : mc;
        DataPath laterAt = otherFirst ? at : o.getKey();
        DataPath earlierAt = otherFirst ? o.getKey() : at;
        String port = conflict(later, earlier);
        if (port == null) {
          continue;
        }
        // The full check reports at the later channel, after that channel's own errors, with
        // the earliest channel it overlaps.
        if (firstAt == null || laterAt.compareTo(firstAt) < 0
            || (laterAt.equals(firstAt) && firstEarlierAt != null
                && earlierAt.compareTo(firstEarlierAt) < 0)) {
          first = overlap(later, earlier, port);
          firstAt = laterAt;
          firstEarlierAt = earlierAt;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Indexes of the channels under {@code edited}, or null when an edit spans whole lists. */
  private static Set<Long> editedChannels(List<DataPath> edited) {
    Set<Long> out = new java.util.TreeSet<>();
    for (DataPath p : edited) {
      if (p.size() >= 1 && p.elems().get(0).name().equals("components")) {
        continue; // ports: validateComponents checks them every time
      }
      if (p.size() < 3 || !p.elems().get(0).name().equals("wavelength-router")
          || !p.elems().get(1).name().equals("media-channels")
          || !p.elems().get(2).name().equals("channel")) {
        return null;
      }
      String index = p.elems().get(2).keys().get("index");
      if (index == null) {
        return null;
      }
      try {
        out.add(Long.parseLong(index));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  private static final DataPath CHANNELS = DataPath.parse("/" + CHANNEL).prefix(2);

  private static DataPath entry(long index) {
    return CHANNELS.child(new DataPath.Elem("channel", Map.of("index", Long.toString(index))));
  }

  /** The leaves under channel entry {@code at}, by path relative to it (empty when absent). */
  private static Map<String, JsonNode> leavesOf(NavigableMap<DataPath, JsonNode> config, DataPath at) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (var e : config.tailMap(at, true).entrySet()) {
      DataPath p = e.getKey();
      if (!p.startsWith(at)) {
        break;
      }
      // Store leaves have no empty names, so this is their names from at.size() joined by '/'.
      out.put(p.templateFrom(at.size()), e.getValue());
    }
    return out;
  }

  private void validateComponents(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate)
      throws ConfigException {
    for (DataPath c : ListEntries.of(candidate, "components/component").keySet()) {
      checkComponent(spec, c.elems().get(1).keys().get("name"));
    }
  }

  /**
   * As {@link #validateComponents(DeviceSpec, NavigableMap)} for a candidate that differs from
   * the valid committed config only under {@code edited}: only the components edited by name
   * can be new; an edit of the whole list (or above it) checks them all.
   */
  private void validateComponents(DeviceSpec spec, NavigableMap<DataPath, JsonNode> candidate,
      List<DataPath> edited) throws ConfigException {
    List<String> named = new ArrayList<>();
    for (DataPath p : edited) {
      if (p.size() >= 1 && !p.elems().get(0).name().equals("components")) {
        continue;
      }
      String name = p.size() >= 2 ? p.elems().get(1).keys().get("name") : null;
      if (name == null) {
        validateComponents(spec, candidate);
        return;
      }
      named.add(name);
    }
    List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(named));
    for (String name : sorted) {
      DataPath entry = COMPONENTS.child(new DataPath.Elem("component", Map.of("name", name)));
      var next = candidate.ceilingKey(entry);
      if (next != null && next.startsWith(entry)) {
        checkComponent(spec, name);
      }
    }
  }

  private static void checkComponent(DeviceSpec spec, String name) throws ConfigException {
    if (!spec.ports().contains(name)) {
      throw ConfigException.invalid(
          "ROADM " + spec.name() + " has no port component '" + name + "'; ports are " + spec.ports());
    }
  }

  private static final DataPath COMPONENTS = DataPath.ROOT.child("components");

  /** A channel's own checks; returns it parsed. */
  private static OpticalView.MediaChannel check(
      DeviceSpec spec, DataPath entry, Map<String, JsonNode> leaves) throws ConfigException {
    long index = Long.parseLong(entry.elems().get(2).keys().get("index"));
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
    return new OpticalView.MediaChannel(index, lower, upper, source, dest, enabled(leaves));
  }

  /** The port two enabled channels overlap on ("source port X" / "dest port X"), or null. */
  private static String conflict(OpticalView.MediaChannel mc, OpticalView.MediaChannel other) {
    if (!other.enabled() || other.lowerFrequencyMhz() >= mc.upperFrequencyMhz()
        || mc.lowerFrequencyMhz() >= other.upperFrequencyMhz()) {
      return null;
    }
    return other.sourcePort().equals(mc.sourcePort()) ? "source port " + mc.sourcePort()
        : other.destPort().equals(mc.destPort()) ? "dest port " + mc.destPort() : null;
  }

  private static ConfigException overlap(
      OpticalView.MediaChannel mc, OpticalView.MediaChannel other, String port) {
    return ConfigException.conflict(
        "media channel " + mc.index() + " (" + mc.lowerFrequencyMhz() + ".." + mc.upperFrequencyMhz()
            + " MHz) overlaps media channel " + other.index()
            + " (" + other.lowerFrequencyMhz() + ".." + other.upperFrequencyMhz()
            + " MHz) on " + port);
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
      OpticalView.MediaChannel mc = read(e.getKey(), e.getValue());
      if (mc != null) {
        channels.add(mc);
      }
    }
    channels.sort(BY_INDEX);
    return new OpticalView.Roadm(channels);
  }

  /** Re-reads only the edited channels into the previous (persistent) view. */
  @Override
  public OpticalView opticalView(DeviceSpec spec, NavigableMap<DataPath, JsonNode> config,
      List<DataPath> edited, OpticalView previous) {
    Set<Long> changed = editedChannels(edited);
    if (changed == null || !(previous instanceof OpticalView.Roadm before)) {
      return opticalView(spec, config);
    }
    if (changed.isEmpty()) {
      return previous;
    }
    List<OpticalView.MediaChannel> now = new ArrayList<>(changed.size());
    for (long index : changed) {
      DataPath at = entry(index);
      OpticalView.MediaChannel mc = read(at, leavesOf(config, at));
      if (mc != null) {
        now.add(mc);
      }
    }
    return before.with(changed, now);
  }

  private static final java.util.Comparator<OpticalView.MediaChannel> BY_INDEX =
      java.util.Comparator.comparingLong(OpticalView.MediaChannel::index);

  /** A channel entry's media channel, or null while it lacks a mandatory leaf. */
  private static OpticalView.MediaChannel read(DataPath entry, Map<String, JsonNode> l) {
    JsonNode lower = l.get("config/lower-frequency");
    JsonNode upper = l.get("config/upper-frequency");
    JsonNode src = l.get("source/config/port-name");
    JsonNode dst = l.get("dest/config/port-name");
    if (lower == null || upper == null || src == null || dst == null) {
      return null;
    }
    return new OpticalView.MediaChannel(
        Long.parseLong(entry.elems().get(2).keys().get("index")),
        lower.asLong(), upper.asLong(), src.asText(), dst.asText(), enabled(l));
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
