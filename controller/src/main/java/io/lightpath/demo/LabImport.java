package io.lightpath.demo;

import io.lightpath.proto.v1.Amplifier;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.Port;
import io.lightpath.proto.v1.PortRole;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.Site;
import io.lightpath.proto.v1.Span;
import io.lightpath.proto.v1.TlsSettings;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TransceiverPool;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client sends the controller to manage an emulated lab: the topology document for
 * {@code ImportTopology} and one {@code RegisterDevice} request per lab device.
 *
 * <p>Mapping (chosen to match the emulator's optics, docs/lab.md): each lab device is a node of the
 * same kind in its site, realised by the device of the same id; ROADM ports named {@code add*} are
 * ADD_DROP ports, every other port is a LINE port. Each transponder holds one pluggable per line port
 * (default {@value #TRANSCEIVER_TYPE}). A fiber longer than {@value #PATCH_CORD_MAX_KM} km is
 * one span followed by the far ROADM's amplifier (gain compensating the span, the ROADM's noise
 * figure and launch power), which is what the emulator's ROADM amplifier does; shorter fibers are
 * patch cords with only their loss.
 *
 * @param topology the topology in the API's terms
 * @param devices registration requests, in lab order, plaintext gNMI to each device's endpoint
 */
public record LabImport(Topology topology, List<RegisterDeviceRequest> devices) {
  /** Transceiver type installed in every transponder port (catalog type, 400G and 800G modes). */
  public static final String TRANSCEIVER_TYPE = "800ZR+";
  /** Fibers up to this length (km) are patch cords without amplifier. */
  public static final double PATCH_CORD_MAX_KM = 1.0;

  public LabImport {
    devices = List.copyOf(devices);
  }

  /**
   * Builds the import for {@code lab}, whose devices listen at {@code endpoints} (by device name).
   *
   * @throws IllegalArgumentException if a device has no endpoint
   */
  public static LabImport of(LabTopology lab, Map<String, DeviceEndpoint> endpoints) {
    return of(lab, endpoints, TRANSCEIVER_TYPE);
  }

  /** As {@link #of(LabTopology, Map)} with {@code transceiverType} in every transponder port. */
  public static LabImport of(LabTopology lab, Map<String, DeviceEndpoint> endpoints,
      String transceiverType) {
    Topology.Builder t = Topology.newBuilder();
    Set<String> sites = new LinkedHashSet<>();
    List<RegisterDeviceRequest> registrations = new ArrayList<>();
    for (DeviceSpec d : lab.devices()) {
      if (!d.site().isEmpty() && sites.add(d.site())) {
        t.addSites(Site.newBuilder().setId(d.site()).setDisplayName(d.site()));
      }
      Node.Builder n = Node.newBuilder()
          .setId(d.name())
          .setSiteId(d.site())
          .setKind(kind(d))
          .setDisplayName(d.name())
          .setDevice("devices/" + d.name());
      for (String port : d.ports()) {
        n.addPorts(Port.newBuilder().setId(port).setRole(portRole(d, port)));
      }
      if (d.role() == io.lightpath.southbound.emulator.topology.DeviceRole.TRANSPONDER) {
        n.addTransceivers(TransceiverPool.newBuilder()
            .setType(transceiverType).setTotalCount(d.ports().size()));
      }
      t.addNodes(n);
      DeviceEndpoint ep = endpoints.get(d.name());
      if (ep == null) {
        throw new IllegalArgumentException("no endpoint for lab device " + d.name());
      }
      registrations.add(RegisterDeviceRequest.newBuilder()
          .setDeviceId(d.name())
          .setDevice(Device.newBuilder()
              .setAddress(ep.address())
              .setProtocol(DeviceProtocol.GNMI)
              .setRole(deviceRole(d))
              .setNodeId(d.name())
              .setTarget(ep.target())
              // the emulated lab listens in plaintext on loopback only
              .setTls(TlsSettings.newBuilder().setInsecurePlaintext(true)))
          .build());
    }
    for (FiberSpec f : lab.fibers()) {
      double lossDb = f.lossDb() > 0 ? f.lossDb()
          : FiberSpec.DEFAULT_ATTENUATION_DB_PER_KM * f.lengthKm();
      Fiber.Builder fb = Fiber.newBuilder()
          .setId(f.name())
          .setANodeId(f.a().device()).setAPortId(f.a().port())
          .setZNodeId(f.b().device()).setZPortId(f.b().port())
          .setLengthKm(f.lengthKm())
          .setLossDb(lossDb);
      DeviceSpec far = lab.device(f.b().device()).orElseThrow();
      if (f.lengthKm() > PATCH_CORD_MAX_KM) {
        Span.Builder span = Span.newBuilder()
            .setLengthKm(f.lengthKm())
            .setAttenuationDbPerKm(lossDb / f.lengthKm());
        if (far.role() == io.lightpath.southbound.emulator.topology.DeviceRole.ROADM) {
          span.setAmplifier(Amplifier.newBuilder()
              .setId(far.name() + "-preamp")
              .setNoiseFigureDb(far.noiseFigureDb())
              .setChannelPowerDbm(far.launchPowerDbm()));
        }
        fb.addSpans(span);
      }
      t.addFibers(fb);
    }
    return new LabImport(t.build(), registrations);
  }

  private static NodeKind kind(DeviceSpec d) {
    return switch (d.role()) {
      case TRANSPONDER -> NodeKind.TRANSPONDER;
      case ROADM -> NodeKind.ROADM;
      case OCS -> NodeKind.OCS;
    };
  }

  private static DeviceRole deviceRole(DeviceSpec d) {
    return switch (d.role()) {
      case TRANSPONDER -> DeviceRole.DEVICE_ROLE_TRANSPONDER;
      case ROADM -> DeviceRole.DEVICE_ROLE_ROADM;
      case OCS -> DeviceRole.DEVICE_ROLE_OCS;
    };
  }

  private static PortRole portRole(DeviceSpec d, String port) {
    if (d.role() == io.lightpath.southbound.emulator.topology.DeviceRole.ROADM
        && port.startsWith("add")) {
      return PortRole.ADD_DROP;
    }
    return PortRole.LINE;
  }
}
