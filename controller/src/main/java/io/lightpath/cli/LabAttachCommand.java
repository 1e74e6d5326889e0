package io.lightpath.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.lightpath.demo.LabImport;
import io.lightpath.proto.lab.v1.DeviceInfo;
import io.lightpath.proto.lab.v1.LabAdminGrpc;
import io.lightpath.proto.lab.v1.ListDevicesRequest;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.TlsSettings;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab attach}: wires a running emulated lab into a running controller, as the demo does in
 * one process. Reads the lab file the lab was started from, asks the lab's admin service where
 * each device listens, imports the matching Lightpath topology (sites, nodes with ports and
 * transceivers, fibers with their spans) and registers every device, so that services can be
 * created at once. Without it an operator had to write a topology for the lab by hand.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
    description = {
      "Import a running lab's topology into the controller and register its devices.",
      "Give the lab file the lab was started with and its --admin-port. The topology replaces the",
      "controller's; devices already registered under the same name are left as they are."
    })
final class LabAttachCommand extends ClientCommand {
  @ArgGroup(multiplicity = "1")
  LabFile lab;

  static final class LabFile {
    @Option(names = "--topology", paramLabel = "FILE", required = true,
        description = "Lab file the lab was started with (YAML or JSON).")
    Path file;

    @Option(names = "--bundled", paramLabel = "NAME", required = true,
        description = "Bundled lab it was started with: tri-site.yaml or hexa-metro.yaml.")
    String bundled;
  }

  @Option(names = "--admin", paramLabel = "HOST:PORT", required = true,
      description = "The lab's admin endpoint (printed by `lab`, set with its --admin-port).")
  String admin;

  @Option(names = "--device-ca", paramLabel = "PEM",
      description = "CA of the lab's gNMI TLS certificate (a lab started with --tls-cert); "
          + "default: plaintext, as the lab serves without one.")
  Path deviceCa;

  @Option(names = "--device-credential-ref", paramLabel = "REF",
      description = "credential_ref for every device (env:VAR or file:/path), for a lab started "
          + "with --username.")
  String credentialRef;

  @Override
  int run(ManagedChannel channel) throws Exception {
    LabTopology topology = lab.file != null ? LabTopologyFile.read(lab.file)
        : LabTopologyFile.readBundled(lab.bundled);
    LabImport imported = LabImport.of(topology, endpoints());
    Topology t = deadline(TopologyServiceGrpc.newBlockingStub(channel)).importTopology(
        ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.LIGHTPATH_JSON)
            .setDocument(ByteString.copyFromUtf8(JsonFormat.printer().print(imported.topology())))
            .build());
    int registered = 0;
    int present = 0;
    DeviceServiceGrpc.DeviceServiceBlockingStub devices = DeviceServiceGrpc.newBlockingStub(channel);
    for (RegisterDeviceRequest r : imported.devices()) {
      try {
        deadline(devices).registerDevice(withSecurity(r));
        registered++;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
        present++;
      }
    }
    out().printf("topology %s imported: %d sites, %d nodes, %d fibers; %d devices registered"
            + (present > 0 ? ", %d already registered (left as they are)" : "%s") + "%n",
        topology.name(), t.getSitesCount(), t.getNodesCount(), t.getFibersCount(), registered,
        present > 0 ? present : "");
    out().flush();
    return CliErrors.OK;
  }

  /** Where each lab device listens, from the lab's admin service. */
  private Map<String, DeviceEndpoint> endpoints() throws InterruptedException {
    ManagedChannel adminChannel = NettyChannelBuilder.forTarget(admin).usePlaintext().build();
    try {
      Map<String, DeviceEndpoint> out = new LinkedHashMap<>();
      for (DeviceInfo d : deadline(LabAdminGrpc.newBlockingStub(adminChannel))
          .listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList()) {
        out.put(d.getName(), new DeviceEndpoint(d.getName(), DeviceRole.valueOf(d.getRole()), d.getHost(),
            d.getPort(), d.getName()));
      }
      return out;
    } finally {
      adminChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private RegisterDeviceRequest withSecurity(RegisterDeviceRequest r) {
    var device = r.getDevice().toBuilder();
    if (deviceCa != null) {
      device.setTls(TlsSettings.newBuilder().setCaCertificateFile(deviceCa.toAbsolutePath().toString()));
    }
    if (credentialRef != null) {
      device.setCredentialRef(credentialRef);
    }
    return r.toBuilder().setDevice(device).build();
  }
}
