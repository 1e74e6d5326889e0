package io.lightpath.southbound.emulator.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subset of a YANG schema an emulated device needs: its leaves (by key-less template such as
 * {@code components/component/config/name}) with type and config/state flag, its lists with their
 * keys, and the module of each top-level container. Built with {@link #builder()}.
 */
public final class DeviceSchema {
  /**
   * One leaf.
   *
   * @param type value type
   * @param config true for configuration, false for state (config false)
   */
  public record LeafSpec(LeafType type, boolean config) {}

  private final Map<String, LeafSpec> leaves;
  private final Map<String, List<String>> lists;
  private final Map<String, Set<String>> listKeySets;
  private final Set<String> interior;
  private final Map<String, String> topModules;
  /** State leaf template mirroring each config leaf template that has one. */
  private final Map<String, String> mirrors;
  private final Set<String> mirrorTemplates;

  private DeviceSchema(Builder b) {
    this.leaves = Map.copyOf(b.leaves);
    Map<String, String> m = new HashMap<>();
    leaves.forEach((t, spec) -> {
      String mirror = mirrorOf(t);
      if (spec.config() && mirror != null && leaves.containsKey(mirror)
          && !leaves.get(mirror).config()) {
        m.put(t, mirror);
      }
    });
    this.mirrors = Map.copyOf(m);
    this.mirrorTemplates = Set.copyOf(m.values());
    this.lists = Map.copyOf(b.lists);
    Map<String, Set<String>> keySets = new HashMap<>();
    lists.forEach((t, keys) -> keySets.put(t, Set.copyOf(new HashSet<>(keys))));
    this.listKeySets = Map.copyOf(keySets);
    this.topModules = Map.copyOf(b.topModules);
    Set<String> in = new HashSet<>();
    for (String t : leaves.keySet()) {
      int slash = t.lastIndexOf('/');
      while (slash > 0) {
        t = t.substring(0, slash);
        in.add(t);
        slash = t.lastIndexOf('/');
      }
      in.add(t);
    }
    in.addAll(lists.keySet());
    this.interior = Set.copyOf(in);
  }

  /** The leaf at {@code template}, if it is one. */
  public Optional<LeafSpec> leaf(String template) {
    return Optional.ofNullable(leaves.get(template));
  }

  /** The state template mirroring config leaf template {@code template}, or null. */
  public String mirror(String template) {
    return mirrors.get(template);
  }

  /** True when {@code template} is a config leaf or the state mirror of one. */
  public boolean isConfigOrMirror(String template) {
    LeafSpec spec = leaves.get(template);
    return spec == null || spec.config() || mirrorTemplates.contains(template);
  }

  /** Replaces the last {@code config} element before the leaf name with {@code state}. */
  private static String mirrorOf(String template) {
    String[] names = template.split("/");
    for (int i = names.length - 2; i >= 0; i--) {
      if (names[i].equals("config")) {
        names[i] = "state";
        return String.join("/", names);
      }
    }
    return null;
  }

  /** The keys of the list at {@code template}, if it is a list. */
  public Optional<List<String>> listKeys(String template) {
    return Optional.ofNullable(lists.get(template));
  }

  /**
   * True when {@code keys} names exactly the keys of the list at {@code template} (false when it
   * is not a list).
   */
  public boolean hasAllKeys(String template, Set<String> keys) {
    Set<String> want = listKeySets.get(template);
    return want != null && want.equals(keys);
  }

  /** True when {@code template} is a container or list (has leaves below it). */
  public boolean isInterior(String template) {
    return interior.contains(template) || template.isEmpty();
  }

  /** The module owning a top-level node, for RFC 7951 member names. */
  public String moduleOf(String topName) {
    return topModules.getOrDefault(topName, "");
  }

  /** Top-level node names and their modules. */
  public Map<String, String> topModules() {
    return topModules;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects leaves and lists. Templates are key-less paths without leading slash. */
  public static final class Builder {
    private final Map<String, LeafSpec> leaves = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Map<String, String> topModules = new HashMap<>();

    /** Declares a top-level container and its module. */
    public Builder top(String name, String module) {
      topModules.put(name, module);
      return this;
    }

    /** Declares a list and its keys. */
    public Builder list(String template, String... keys) {
      lists.put(template, List.of(keys));
      return this;
    }

    /** Declares a config leaf under {@code base}/config and its state mirror under base/state. */
    public Builder configLeaf(String base, String name, LeafType type) {
      leaves.put(base + "/config/" + name, new LeafSpec(type, true));
      leaves.put(base + "/state/" + name, new LeafSpec(type, false));
      return this;
    }

    /** Declares a single leaf. */
    public Builder leaf(String template, LeafType type, boolean config) {
      leaves.put(template, new LeafSpec(type, config));
      return this;
    }

    public DeviceSchema build() {
      return new DeviceSchema(this);
    }
  }
}
