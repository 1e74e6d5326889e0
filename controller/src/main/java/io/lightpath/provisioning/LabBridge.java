package io.lightpath.provisioning;

import io.lightpath.device.ManagedDevice;
import io.lightpath.model.Fiber;
import io.lightpath.model.Node;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Port;
import io.lightpath.model.Topology;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an emulated lab (the emulator's {@link LabTopology}) into the controller's domain
 * {@link Topology} and the {@link ManagedDevice} registrations of its running endpoints, for the
 * demo and integration tests.
 *
 * <p>One node per device, id = device name, site = the device's site. Ports: every transponder
 * port is a {@code LINE} port with one transceiver of {@code transceiverType} behind it; ROADM
 * ports named {@code add*} or {@code drop*} are {@code ADD_DROP}, the others {@code LINE}; OCS
 * ports are {@code LINE}. One fiber per lab fiber (same id, ports, length and loss).
 */
public final class LabBridge {
  private LabBridge() {}

  /** The domain topology of a lab file. */
  public static Topology topology(LabTopology lab, String transceiverType) {
    List<Node> nodes = new ArrayList<>();
    for (DeviceSpec d : lab.devices()) {
      NodeKind kind = switch (d.role()) {
        case TRANSPONDER -> NodeKind.TRANSPONDER;
        case ROADM -> NodeKind.ROADM;
        case OCS -> NodeKind.OCS;
      };
      List<Port> ports = d.ports().stream().map(p -> new Port(p, portRole(kind, p))).toList();
      Map<String, Integer> transceivers =
          kind == NodeKind.TRANSPONDER ? Map.of(transceiverType, d.ports().size()) : Map.of();
      nodes.add(new Node(d.name(), d.site(), kind, ports, 0.0, 0.0, transceivers));
    }
    List<Fiber> fibers = new ArrayList<>();
    for (FiberSpec f : lab.fibers()) {
      fibers.add(new Fiber(f.name(), f.a().device(), f.a().port(), f.b().device(), f.b().port(),
          f.lengthKm(), f.lossDb(), Fiber.DEFAULT_GROUP_DELAY_US_PER_KM, List.of(), Set.of()));
    }
    return Topology.of(nodes, fibers);
  }

  /**
   * Registrations for every device of a running lab: gNMI at the device's own endpoint, node id =
   * device id = device name.
   *
   * @param credentialRef "env:VAR" / "file:/path" when the lab requires credentials, else ""
   * @param tls TLS settings matching the lab's options (plaintext for a default lab)
   */
  public static List<ManagedDevice> devices(
      EmulatedLab lab, String credentialRef, ManagedDevice.Tls tls, Instant now) {
    List<ManagedDevice> out = new ArrayList<>();
    for (DeviceEndpoint ep : lab.endpoints()) {
      ManagedDevice.Role role = switch (ep.role()) {
        case TRANSPONDER -> ManagedDevice.Role.TRANSPONDER;
        case ROADM -> ManagedDevice.Role.ROADM;
        case OCS -> ManagedDevice.Role.OCS;
      };
      out.add(new ManagedDevice(ep.name(), ep.address(), ManagedDevice.Protocol.GNMI, role,
          ep.name(), ep.target(), credentialRef, tls, now));
    }
    return out;
  }

  /** Plaintext TLS settings, for a lab started with default options. */
  public static ManagedDevice.Tls plaintext() {
    return new ManagedDevice.Tls(true, "", "");
  }

  private static Port.PortRole portRole(NodeKind kind, String port) {
    if (kind == NodeKind.TRANSPONDER) {
      return Port.PortRole.LINE;
    }
    if (kind == NodeKind.ROADM && (port.startsWith("add") || port.startsWith("drop"))) {
      return Port.PortRole.ADD_DROP;
    }
    return Port.PortRole.LINE;
  }
}
