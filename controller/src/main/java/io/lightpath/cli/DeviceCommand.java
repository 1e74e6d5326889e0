package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.ListDevicesRequest;
import io.lightpath.proto.v1.ListDevicesResponse;
import io.lightpath.proto.v1.RegisterDeviceRequest;
import io.lightpath.proto.v1.RemoveDeviceRequest;
import io.lightpath.proto.v1.TlsSettings;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpath device add|list|get|remove|reconcile}. */
@Command(name = "device", mixinStandardHelpOptions = true,
    description = "Register, list, show and remove managed devices.",
    subcommands = {DeviceCommand.Add.class, DeviceCommand.ListDevices.class,
        DeviceCommand.Get.class, DeviceCommand.Remove.class, DeviceReconcileCommand.class})
final class DeviceCommand {

  static void table(java.io.PrintWriter out, List<Device> devices) {
    Output.Table t = new Output.Table("NAME", "ROLE", "PROTOCOL", "ADDRESS", "TARGET", "NODE", "CONNECTION",
        "SINCE", "DETAIL");
    for (Device d : devices) {
      t.row(d.getName(), d.getRole().name().replace("DEVICE_ROLE_", ""), d.getProtocol(), d.getAddress(),
          // without node_id a device realizes the node of its own id (as provisioning finds it)
          d.getTarget(), d.getNodeId().isEmpty() ? d.getName().replaceFirst("^devices/", "") : d.getNodeId(),
          d.getConnectionState(),
          d.hasStateChangeTime() ? java.time.Instant.ofEpochSecond(d.getStateChangeTime().getSeconds()).toString()
              : "-",
          d.getConnectionDetail());
    }
    t.print(out);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a device.")
  static final class Add extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Device id, e.g. roadm-west-1.")
    String id;

    @Option(names = "--address", required = true, paramLabel = "HOST:PORT", description = "Management endpoint.")
    String address;

    @Option(names = "--role", required = true,
        description = "transponder, roadm, ocs or amplifier.")
    Role role;

    @Option(names = "--protocol", defaultValue = "GNMI", description = "Southbound protocol: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DeviceProtocol protocol;

    @Option(names = "--node", defaultValue = "", description = "Topology node the device realizes.")
    String node;

    @Option(names = "--target", defaultValue = "", description = "gNMI target name behind a shared endpoint.")
    String target;

    @Option(names = "--credential-ref", defaultValue = "",
        description = "env:VAR or file:/path holding user:password (never the secret itself).")
    String credentialRef;

    @Option(names = "--insecure-plaintext", description = "No TLS (labs only).")
    boolean plaintext;

    @Option(names = "--ca-file", defaultValue = "", description = "PEM CA that signs the device certificate.")
    String caFile;

    @Option(names = "--server-name", defaultValue = "", description = "Host name expected in the device certificate.")
    String serverName;

    @Override
    int run(ManagedChannel channel) {
      Device d = deadline(DeviceServiceGrpc.newBlockingStub(channel)).registerDevice(
          RegisterDeviceRequest.newBuilder().setDeviceId(id).setDevice(Device.newBuilder()
              .setAddress(address).setRole(role.proto).setProtocol(protocol).setNodeId(node)
              .setTarget(target).setCredentialRef(credentialRef)
              .setTls(TlsSettings.newBuilder().setInsecurePlaintext(plaintext)
                  .setCaCertificateFile(caFile).setServerNameOverride(serverName))).build());
      return print(d, () -> table(out(), List.of(d)));
    }

    /** Role names as operators type them. */
    enum Role {
      transponder(DeviceRole.DEVICE_ROLE_TRANSPONDER),
      roadm(DeviceRole.DEVICE_ROLE_ROADM),
      ocs(DeviceRole.DEVICE_ROLE_OCS),
      amplifier(DeviceRole.DEVICE_ROLE_AMPLIFIER);

      final DeviceRole proto;

      Role(DeviceRole proto) {
        this.proto = proto;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List devices (all pages).")
  static final class ListDevices extends ClientCommand {
    @Override
    int run(ManagedChannel channel) {
      var stub = DeviceServiceGrpc.newBlockingStub(channel);
      ListDevicesResponse.Builder all = ListDevicesResponse.newBuilder();
      String token = "";
      do {
        ListDevicesResponse page = deadline(stub).listDevices(
            ListDevicesRequest.newBuilder().setPageToken(token).build());
        all.addAllDevices(page.getDevicesList());
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      return print(all, () -> table(out(), all.getDevicesList()));
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one device.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(ManagedChannel channel) {
      Device d = deadline(DeviceServiceGrpc.newBlockingStub(channel))
          .getDevice(GetDeviceRequest.newBuilder().setName("devices/" + id).build());
      return print(d, () -> table(out(), List.of(d)));
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a device.")
  static final class Remove extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Option(names = "--force", description = "Remove even if live services use it.")
    boolean force;

    @Override
    int run(ManagedChannel channel) {
      var r = deadline(DeviceServiceGrpc.newBlockingStub(channel)).removeDevice(
          RemoveDeviceRequest.newBuilder().setName("devices/" + id).setForce(force).build());
      return print(r, () -> {
        out().println("removed devices/" + id);
        out().flush();
      });
    }
  }
}
