package io.lightpath.it.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Port;
import io.lightpath.proto.v1.PortRole;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.Site;
import io.lightpath.proto.v1.TlsSettings;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TransceiverPool;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.device.OpticalView;
import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated lab of the crash trials, started once in the test JVM and reset between trials:
 * its controller topology and device registrations, and a reader that turns every device's
 * committed configuration into {@link ConfigItem}s the invariant checker compares with the
 * services. ROADMs and OCSs are read from the committed config, so a disabled but still present
 * media channel or cross-connect counts as a leftover too; transponders from their optical view
 * (frequency set and logical channel ENABLED), because switching the laser off by disabling the
 * logical channel is how the provisioner removes a channel.
 */
public final class CrashLab implements AutoCloseable {
  /** Transceiver type installed at every transponder port: OpenZR+ has 100G to 400G modes. */
  public static final String TRANSCEIVER_TYPE = "OpenZR+";

  private static final Pattern TP_FREQUENCY =
      Pattern.compile("^/components/component\\[name=([^\\]]+)]/optical-channel/config/frequency$");
  private static final Pattern LOGICAL_CHANNEL_ADMIN =
      Pattern.compile("^/terminal-device/logical-channels/channel\\[index=\\d+]/config/admin-state$");
  private static final Pattern MEDIA_CHANNEL =
      Pattern.compile("^/wavelength-router/media-channels/channel\\[index=(\\d+)](/.*)$");
  private static final Pattern CROSS_CONNECT = Pattern.compile(
      "^/optical-switch/cross-connects/cross-connect\\[input-port=([^\\]]+)]/config/output-port$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LabTopology topology;
  private EmulatedLab lab;

  private CrashLab(LabTopology topology) throws IOException {
    this.topology = topology;
    this.lab = EmulatedLab.start(topology);
  }

  /** Starts the bundled crash lab ({@code crash-lab.yaml} next to this class). */
  public static CrashLab start() throws IOException {
    try (InputStream in = CrashLab.class.getResourceAsStream("crash-lab.yaml")) {
      if (in == null) {
        throw new IOException("crash-lab.yaml missing from the test classpath");
      }
      return new CrashLab(LabTopologyFile.read(in, "crash-lab.yaml"));
    }
  }

  /** The controller topology of the lab: node id = device name, fibers carry the lab's ports. */
  public Topology controllerTopology() {
    Topology.Builder t = Topology.newBuilder();
    topology.devices().stream().map(DeviceSpec::site).distinct()
        .forEach(site -> t.addSites(Site.newBuilder().setId(site)));
    for (DeviceSpec d : topology.devices()) {
      // with its site: path computation keeps a service on the transceivers of the transponder it
      // names, although its site-mates have free ones (SiteTransceiverTest)
      Node.Builder n = Node.newBuilder().setId(d.name()).setKind(kind(d)).setDevice("devices/" + d.name())
          .setSiteId(d.site());
      for (String p : d.ports()) {
        PortRole role = switch (d.role()) {
          case ROADM -> p.startsWith("add") ? PortRole.ADD_DROP : PortRole.LINE;
          default -> PortRole.LINE;
        };
        n.addPorts(Port.newBuilder().setId(p).setRole(role));
      }
      if (kind(d) == NodeKind.TRANSPONDER) {
        n.addTransceivers(TransceiverPool.newBuilder().setType(TRANSCEIVER_TYPE).setTotalCount(d.ports().size()));
      }
      t.addNodes(n);
    }
    for (FiberSpec f : topology.fibers()) {
      t.addFibers(Fiber.newBuilder().setId(f.name())
          .setANodeId(f.a().device()).setAPortId(f.a().port())
          .setZNodeId(f.b().device()).setZPortId(f.b().port())
          .setLengthKm(f.lengthKm()).setLossDb(f.lossDb()));
    }
    return t.build();
  }

  /** Registrations of every lab device: plaintext gNMI on its own loopback port. */
  public List<RegisterDeviceRequest> registrations() {
    List<RegisterDeviceRequest> out = new ArrayList<>();
    for (DeviceSpec d : topology.devices()) {
      out.add(RegisterDeviceRequest.newBuilder().setDeviceId(d.name()).setDevice(Device.newBuilder()
              .setAddress(lab.endpoint(d.name()).address())
              .setProtocol(DeviceProtocol.GNMI)
              .setRole(switch (d.role()) {
                case TRANSPONDER -> io.lightpath.proto.v1.DeviceRole.DEVICE_ROLE_TRANSPONDER;
                case ROADM -> io.lightpath.proto.v1.DeviceRole.DEVICE_ROLE_ROADM;
                case OCS -> io.lightpath.proto.v1.DeviceRole.DEVICE_ROLE_OCS;
              })
              .setNodeId(d.name())
              .setTls(TlsSettings.newBuilder().setInsecurePlaintext(true)))
          .build());
    }
    return out;
  }

  /** Every service-related item of configuration on every device, in a stable order. */
  public List<ConfigItem> configuration() {
    List<ConfigItem> items = new ArrayList<>();
    for (DeviceSpec d : topology.devices()) {
      items.addAll(configuration(lab.device(d.name())));
    }
    return items;
  }

  private static List<ConfigItem> configuration(EmulatedDevice device) {
    List<ConfigItem> items = new ArrayList<>();
    Map<String, Map<String, String>> channels = new TreeMap<>();
    for (Map.Entry<DataPath, JsonNode> e : device.config().entrySet()) {
      String path = e.getKey().toString();
      String value = e.getValue().asText();
      Matcher m = MEDIA_CHANNEL.matcher(path);
      if (m.matches()) {
        channels.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), value);
        continue;
      }
      m = CROSS_CONNECT.matcher(path);
      if (m.matches()) {
        items.add(ConfigItem.crossConnect(device.name(), m.group(1), value));
      }
    }
    // a transponder port is lit while it has a frequency and its logical channel is ENABLED: the
    // provisioner turns a channel off by disabling it and leaves the frequency (docs/provisioning.md)
    if (device.opticalView() instanceof OpticalView.Transponder tp) {
      tp.tuning().forEach((port, t) -> items.add(ConfigItem.tuning(device.name(), port, t.frequencyMhz())));
    }
    channels.forEach((index, leaves) -> items.add(ConfigItem.mediaChannel(device.name(),
        parseLong(leaves.get("/config/lower-frequency")), parseLong(leaves.get("/config/upper-frequency")),
        String.valueOf(leaves.get("/source/config/port-name")), String.valueOf(leaves.get("/dest/config/port-name")),
        "ENABLED".equals(leaves.getOrDefault("/config/admin-status", "ENABLED")))));
    return items;
  }

  /**
   * Removes every service-related item from every device (media channels, cross-connects,
   * transponder frequencies) through the lab, which recomputes the optics. Falls back to a fresh
   * lab (new ports: re-register devices) when an edit is refused.
   *
   * @return true if the lab was restarted on new ports
   */
  boolean reset() throws IOException {
    try {
      for (DeviceSpec d : topology.devices()) {
        EmulatedDevice device = lab.device(d.name());
        List<Edit> edits = new ArrayList<>();
        for (DataPath p : device.config().keySet()) {
          String path = p.toString();
          Matcher m = MEDIA_CHANNEL.matcher(path);
          if (TP_FREQUENCY.matcher(path).matches()) {
            edits.add(new Edit.Delete(p));
          } else if (LOGICAL_CHANNEL_ADMIN.matcher(path).matches()
              && !"ENABLED".equals(device.config().get(p).asText())) {
            edits.add(new Edit.Replace(p, TextNode.valueOf("ENABLED"))); // as booted
          } else if (m.matches() && m.group(2).equals("/config/lower-frequency")) {
            edits.add(new Edit.Delete(DataPath.parse("/wavelength-router/media-channels/channel[index="
                + m.group(1) + "]")));
          } else if (CROSS_CONNECT.matcher(path).matches()) {
            edits.add(new Edit.Delete(DataPath.parse(path.substring(0, path.indexOf("]/config") + 1))));
          }
        }
        if (!edits.isEmpty()) {
          lab.network().set(device, edits);
        }
      }
      if (configuration().isEmpty() && clean()) {
        return false;
      }
    } catch (ConfigException | RuntimeException e) {
      // fall through to a fresh lab
    }
    lab.close();
    lab = EmulatedLab.start(topology);
    return true;
  }

  /**
   * Merges {@code json} (RFC 7951) at {@code path} of device {@code name}'s configuration, as an
   * operator or another system would behind the controller's back.
   */
  public void edit(String name, String path, String json) throws IOException, ConfigException {
    lab.network().set(lab.device(name), List.of(new Edit.Update(DataPath.parse(path), JSON.readTree(json))));
  }

  /** Deletes the subtree at {@code path} of device {@code name}'s configuration. */
  public void delete(String name, String path) throws ConfigException {
    lab.network().set(lab.device(name), List.of(new Edit.Delete(DataPath.parse(path))));
  }

  /** The emulated device {@code name}, for fault injection and direct reads. */
  public EmulatedDevice device(String name) {
    return lab.device(name);
  }

  /** No frequency and no disabled logical channel left on any transponder. */
  private boolean clean() {
    for (DeviceSpec d : topology.devices()) {
      for (Map.Entry<DataPath, JsonNode> e : lab.device(d.name()).config().entrySet()) {
        String path = e.getKey().toString();
        if (TP_FREQUENCY.matcher(path).matches()
            || LOGICAL_CHANNEL_ADMIN.matcher(path).matches() && !"ENABLED".equals(e.getValue().asText())) {
          return false;
        }
      }
    }
    return true;
  }

  private static NodeKind kind(DeviceSpec d) {
    return switch (d.role()) {
      case TRANSPONDER -> NodeKind.TRANSPONDER;
      case ROADM -> NodeKind.ROADM;
      case OCS -> NodeKind.OCS;
    };
  }

  private static long parseLong(String s) {
    return s == null ? -1 : Long.parseLong(s);
  }

  @Override
  public void close() {
    lab.close();
  }
}
