package io.lightpath.reconcile;

import io.lightpath.provisioning.DeviceOp;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the services need on a device ({@link DeviceIntent}) with what it has
 * ({@link ActualConfig}) and says how to correct each difference. Pure: no I/O, so every case is
 * tested without devices.
 *
 * <ul>
 *   <li>ROADM media channels are matched on slot edges and ports (the index is the device's
 *       business). A needed channel absent from the device is MISSING (re-created at the lowest
 *       free index); a channel on the same ports whose slot overlaps the needed one but differs is
 *       a MISMATCH (rewritten in place).
 *   <li>OCS cross-connects are matched on the two ports they join (light passes both ways). A
 *       cross-connect using one of the needed ports with another partner is a MISMATCH
 *       (disconnected, then the needed one connected).
 *   <li>Transponder optical channels are matched on component name and compared on frequency,
 *       target power (to 0.01 dB, the precision of the model), operational mode and admin state.
 * </ul>
 *
 * Anything else the device has that no service needs is an ORPHAN — unless it belongs to a
 * service in flight, or some live service could not be mapped (then ownership is unknown and
 * nothing is called an orphan). Orphans are listed first, so their removal (which frees ports and
 * slots) comes before re-creating missing items.
 */
final class ConfigDiff {
  private static final double POWER_TOLERANCE_DB = 0.005;

  private ConfigDiff() {}

  static List<Discrepancy> diff(DeviceIntent intent, ActualConfig actual) {
    List<Discrepancy> orphans = new ArrayList<>();
    List<Discrepancy> others = new ArrayList<>();
    mediaChannels(intent, actual.mediaChannels(), orphans, others);
    crossConnects(intent, actual.crossConnects(), orphans, others);
    opticalChannels(intent, actual.opticalChannels(), orphans, others);
    List<Discrepancy> out = new ArrayList<>(orphans);
    out.addAll(others);
    return out;
  }

  // ---- ROADM ---------------------------------------------------------------------------------

  private static void mediaChannels(DeviceIntent intent, List<MediaChannel> actual,
      List<Discrepancy> orphans, List<Discrepancy> others) {
    Map<DeviceOp.OpenMediaChannel, List<String>> needed = group(intent.expected(), DeviceOp.OpenMediaChannel.class);
    Set<DeviceOp.OpenMediaChannel> busy = group(intent.inFlight(), DeviceOp.OpenMediaChannel.class).keySet();
    Set<Integer> used = new HashSet<>();
    Set<Integer> indexes = new HashSet<>();
    actual.forEach(m -> indexes.add(m.index()));
    List<DeviceOp.OpenMediaChannel> missing = new ArrayList<>();
    for (DeviceOp.OpenMediaChannel want : needed.keySet()) {
      MediaChannel same = actual.stream()
          .filter(m -> !used.contains(m.index()) && same(m, want)).findFirst().orElse(null);
      if (same != null) {
        used.add(same.index());
      } else {
        missing.add(want);
      }
    }
    // a channel on the right ports with a slot overlapping the needed one: the same channel, altered
    for (DeviceOp.OpenMediaChannel want : missing) {
      MediaChannel altered = actual.stream()
          .filter(m -> !used.contains(m.index()) && m.sourcePort().equals(want.sourcePort())
              && m.destPort().equals(want.destPort())
              && m.lowerFrequencyMhz() < want.upperFrequencyMhz()
              && want.lowerFrequencyMhz() < m.upperFrequencyMhz()
              && busy.stream().noneMatch(b -> same(m, b)))
          .findFirst().orElse(null);
      String item = describe(want);
      if (altered != null) {
        used.add(altered.index());
        others.add(new Discrepancy(FindingKind.MISMATCH, item, needed.get(want), slot(want),
            describe(altered), List.of(new ConfigChange.PutMediaChannel(new MediaChannel(altered.index(),
                want.lowerFrequencyMhz(), want.upperFrequencyMhz(), want.sourcePort(), want.destPort(),
                altered.attenuationDb()), false))));
      } else {
        int index = 1;
        while (indexes.contains(index)) {
          index++;
        }
        indexes.add(index);
        others.add(new Discrepancy(FindingKind.MISSING, item, needed.get(want), slot(want), "",
            List.of(new ConfigChange.PutMediaChannel(new MediaChannel(index, want.lowerFrequencyMhz(),
                want.upperFrequencyMhz(), want.sourcePort(), want.destPort(), 0.0), true))));
      }
    }
    if (!intent.ownershipKnown()) {
      return;
    }
    for (MediaChannel m : actual) {
      if (!used.contains(m.index()) && busy.stream().noneMatch(b -> same(m, b))) {
        orphans.add(new Discrepancy(FindingKind.ORPHAN, "media-channel " + m.lowerFrequencyMhz() + "-"
            + m.upperFrequencyMhz() + " MHz " + m.sourcePort() + ">" + m.destPort(), List.of(), "",
            describe(m), List.of(new ConfigChange.RemoveMediaChannel(m))));
      }
    }
  }

  private static boolean same(MediaChannel m, DeviceOp.OpenMediaChannel op) {
    return m.lowerFrequencyMhz() == op.lowerFrequencyMhz() && m.upperFrequencyMhz() == op.upperFrequencyMhz()
        && m.sourcePort().equals(op.sourcePort()) && m.destPort().equals(op.destPort());
  }

  private static String describe(DeviceOp.OpenMediaChannel op) {
    return "media-channel " + slot(op) + " " + op.sourcePort() + ">" + op.destPort();
  }

  private static String slot(DeviceOp.OpenMediaChannel op) {
    return op.lowerFrequencyMhz() + "-" + op.upperFrequencyMhz() + " MHz";
  }

  private static String describe(MediaChannel m) {
    return "index " + m.index() + ": " + m.lowerFrequencyMhz() + "-" + m.upperFrequencyMhz() + " MHz "
        + m.sourcePort() + ">" + m.destPort();
  }

  // ---- OCS -----------------------------------------------------------------------------------

  private static void crossConnects(DeviceIntent intent, List<CrossConnect> actual,
      List<Discrepancy> orphans, List<Discrepancy> others) {
    Map<DeviceOp.ConnectPorts, List<String>> needed = group(intent.expected(), DeviceOp.ConnectPorts.class);
    List<CrossConnect> busy = group(intent.inFlight(), DeviceOp.ConnectPorts.class).keySet().stream()
        .map(DeviceOp.ConnectPorts::crossConnect).toList();
    List<CrossConnect> wanted = needed.keySet().stream().map(DeviceOp.ConnectPorts::crossConnect).toList();
    Set<CrossConnect> used = new HashSet<>();
    for (Map.Entry<DeviceOp.ConnectPorts, List<String>> e : needed.entrySet()) {
      CrossConnect want = e.getKey().crossConnect();
      CrossConnect present = actual.stream().filter(a -> joins(a, want)).findFirst().orElse(null);
      if (present != null) {
        used.add(present);
        continue;
      }
      List<CrossConnect> conflicting = actual.stream().filter(a -> sharesPort(a, want)).toList();
      String item = describe(want);
      if (conflicting.isEmpty()) {
        others.add(new Discrepancy(FindingKind.MISSING, item, e.getValue(), describe(want), "",
            List.of(new ConfigChange.Connect(want))));
        continue;
      }
      used.addAll(conflicting);
      String actualText = String.join(", ", conflicting.stream().map(ConfigDiff::describe).toList());
      boolean othersNeedThem = conflicting.stream().anyMatch(c ->
          wanted.stream().anyMatch(w -> joins(c, w)) || busy.stream().anyMatch(b -> joins(c, b)));
      if (othersNeedThem) {
        others.add(new Discrepancy(FindingKind.MISMATCH, item, e.getValue(), describe(want), actualText,
            List.of(), "a port is used by a cross-connect another service needs"));
        continue;
      }
      List<ConfigChange> fixes = new ArrayList<>();
      for (CrossConnect c : conflicting) {
        if (!c.inputPort().equals(want.inputPort())) { // on the same input port, Connect replaces it
          fixes.add(new ConfigChange.Disconnect(c));
        }
      }
      fixes.add(new ConfigChange.Connect(want));
      others.add(new Discrepancy(FindingKind.MISMATCH, item, e.getValue(), describe(want), actualText, fixes));
    }
    if (!intent.ownershipKnown()) {
      return;
    }
    for (CrossConnect a : actual) {
      if (!used.contains(a) && busy.stream().noneMatch(b -> joins(a, b))
          && wanted.stream().noneMatch(w -> joins(a, w))) {
        orphans.add(new Discrepancy(FindingKind.ORPHAN, describe(a), List.of(), "", describe(a),
            List.of(new ConfigChange.Disconnect(a))));
      }
    }
  }

  private static boolean joins(CrossConnect a, CrossConnect b) {
    return a.inputPort().equals(b.inputPort()) && a.outputPort().equals(b.outputPort())
        || a.inputPort().equals(b.outputPort()) && a.outputPort().equals(b.inputPort());
  }

  private static boolean sharesPort(CrossConnect a, CrossConnect b) {
    return a.inputPort().equals(b.inputPort()) || a.inputPort().equals(b.outputPort())
        || a.outputPort().equals(b.inputPort()) || a.outputPort().equals(b.outputPort());
  }

  private static String describe(CrossConnect c) {
    return "cross-connect " + c.inputPort() + ">" + c.outputPort();
  }

  // ---- transponder ---------------------------------------------------------------------------

  private static void opticalChannels(DeviceIntent intent, List<OpticalChannelConfig> actual,
      List<Discrepancy> orphans, List<Discrepancy> others) {
    Map<String, OpticalChannelConfig> wanted = new LinkedHashMap<>();
    Map<String, List<String>> owners = new LinkedHashMap<>();
    Set<String> contested = new HashSet<>();
    for (Owned o : intent.expected()) {
      if (o.op() instanceof DeviceOp.TuneTransponder t) {
        OpticalChannelConfig first = wanted.putIfAbsent(t.config().componentName(), t.config());
        if (first != null && !first.equals(t.config())) {
          contested.add(t.config().componentName());
        }
        owners.computeIfAbsent(t.config().componentName(), k -> new ArrayList<>()).add(o.serviceId());
      }
    }
    Set<String> busy = new HashSet<>();
    for (Owned o : intent.inFlight()) {
      if (o.op() instanceof DeviceOp.TuneTransponder t) {
        busy.add(t.config().componentName());
      }
    }
    Map<String, OpticalChannelConfig> present = new LinkedHashMap<>();
    actual.forEach(a -> present.put(a.componentName(), a));
    for (OpticalChannelConfig want : wanted.values()) {
      String name = want.componentName();
      OpticalChannelConfig have = present.get(name);
      String item = "optical-channel " + name;
      List<String> services = owners.get(name);
      if (contested.contains(name)) {
        // several services were given one line port: any correction would take the light of the
        // others, so this is reported for an operator (or a re-route) to settle
        others.add(new Discrepancy(FindingKind.MISMATCH, item, services, "one configuration per service",
            have == null ? "" : describe(have), List.of(),
            services.size() + " services need different configurations of this channel"));
      } else if (have == null) {
        others.add(new Discrepancy(FindingKind.MISSING, item, services, describe(want), "",
            List.of(new ConfigChange.TuneOpticalChannel(want))));
      } else if (!differences(want, have).isEmpty()) {
        others.add(new Discrepancy(FindingKind.MISMATCH, item, services, describe(want),
            describe(have) + " (differs in " + String.join(", ", differences(want, have)) + ")",
            List.of(new ConfigChange.TuneOpticalChannel(want))));
      }
    }
    if (!intent.ownershipKnown()) {
      return;
    }
    for (OpticalChannelConfig a : actual) {
      if (a.adminEnabled() && !wanted.containsKey(a.componentName()) && !busy.contains(a.componentName())) {
        // returned to its unconfigured state, as deprovisioning does
        orphans.add(new Discrepancy(FindingKind.ORPHAN, "optical-channel " + a.componentName(), List.of(), "",
            describe(a), List.of(new ConfigChange.ResetOpticalChannel(a.componentName()))));
      }
    }
  }

  /** Names of the leaves that differ. */
  static List<String> differences(OpticalChannelConfig want, OpticalChannelConfig have) {
    List<String> out = new ArrayList<>();
    if (want.frequencyMhz() != have.frequencyMhz()) {
      out.add("frequency");
    }
    if (Math.abs(want.targetOutputPowerDbm() - have.targetOutputPowerDbm()) > POWER_TOLERANCE_DB) {
      out.add("power");
    }
    if (want.operationalMode() != have.operationalMode()) {
      out.add("mode");
    }
    if (want.adminEnabled() != have.adminEnabled()) {
      out.add("admin-state");
    }
    return out;
  }

  private static String describe(OpticalChannelConfig c) {
    return c.frequencyMhz() + " MHz, " + String.format(Locale.ROOT, "%.2f", c.targetOutputPowerDbm())
        + " dBm, mode " + c.operationalMode() + ", " + (c.adminEnabled() ? "enabled" : "disabled");
  }

  // ---- common --------------------------------------------------------------------------------

  /** Items of one type, each with the services needing it (several share an OCS cross-connect). */
  private static <T extends DeviceOp> Map<T, List<String>> group(List<Owned> items, Class<T> type) {
    Map<T, List<String>> out = new LinkedHashMap<>();
    for (Owned o : items) {
      if (type.isInstance(o.op())) {
        List<String> services = out.computeIfAbsent(type.cast(o.op()), k -> new ArrayList<>());
        if (!services.contains(o.serviceId())) {
          services.add(o.serviceId());
        }
      }
    }
    return out;
  }
}
