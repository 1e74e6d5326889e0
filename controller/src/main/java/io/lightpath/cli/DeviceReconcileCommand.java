package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.ReconcileDevicesRequest;
import io.lightpath.proto.v1.ReconcileDevicesResponse;
import io.lightpath.proto.v1.ReconcileFinding;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpath device reconcile [--dry-run] [ID...]}: compare devices with the services and correct them. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Compare device configuration with what the services need; correct it unless --dry-run.")
final class DeviceReconcileCommand extends ClientCommand {
  @Parameters(paramLabel = "ID", arity = "0..*", description = "Devices to reconcile (default: all).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--dry-run", description = "Only report the findings; change nothing.")
  boolean dryRun;

  @Override
  int run(ManagedChannel channel) {
    ReconcileDevicesRequest.Builder request = ReconcileDevicesRequest.newBuilder().setDryRun(dryRun);
    ids.forEach(id -> request.addNames("devices/" + id));
    ReconcileDevicesResponse r = deadline(DeviceServiceGrpc.newBlockingStub(channel))
        .reconcileDevices(request.build());
    return print(r, () -> {
      Output.Table t = new Output.Table("DEVICE", "KIND", "ITEM", "SERVICES", "EXPECTED", "ACTUAL", "ACTION");
      for (ReconcileFinding f : r.getFindingsList()) {
        t.row(f.getDevice(), f.getKind().name().replace("FINDING_KIND_", ""), f.getItem(),
            String.join(",", f.getServicesList()), f.getExpected(),
            f.getActual().isEmpty() ? f.getDetail() : f.getActual(),
            f.getAction().name().replace("FINDING_ACTION_", ""));
      }
      if (r.getFindingsCount() > 0) {
        t.print(out());
      }
      out().println(r.getDevicesChecked() + " device(s) checked, " + r.getFindingsCount() + " finding(s)"
          + (r.getDryRun() ? " (dry run: nothing changed)" : ""));
      out().flush();
    });
  }
}
