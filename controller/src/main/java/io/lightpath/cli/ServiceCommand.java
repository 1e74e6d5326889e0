package io.lightpath.cli;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.CreateServiceRequest;
import io.lightpath.proto.v1.DeleteServiceRequest;
import io.lightpath.proto.v1.GetServiceRequest;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.ListServicesResponse;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.WatchServicesRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpath service create|get|list|delete|watch}. */
@Command(name = "service", mixinStandardHelpOptions = true,
    description = "Create, show, list, delete and watch wavelength services.",
    subcommands = {ServiceCommand.Create.class, ServiceCommand.Get.class, ServiceCommand.ListServices.class,
        ServiceCommand.Delete.class, ServiceCommand.Watch.class})
final class ServiceCommand {

  static String name(String idOrName) {
    return idOrName.startsWith("services/") ? idOrName : "services/" + idOrName;
  }

  static boolean settled(ServiceState s) {
    return s == ServiceState.ACTIVE || s == ServiceState.FAILED || s == ServiceState.DEGRADED
        || s == ServiceState.DELETED;
  }

  /**
   * Follows one service until it settles, printing each state change; returns the last one.
   *
   * @throws CliErrors.CliException (exit 6) when the command's deadline ({@code --timeout-s})
   *     passes first, naming the service, its last state and reason
   */
  static Service follow(ClientCommand cmd, ManagedChannel channel, Service start) {
    if (settled(start.getState())) {
      return start;
    }
    Iterator<ServiceEvent> events = cmd.commandDeadline(ConnectivityServiceGrpc.newBlockingStub(channel))
        .watchServices(WatchServicesRequest.newBuilder().addNames(start.getName())
            .setStartRevision(start.getRevision() + 1).build());
    Service last = start;
    try {
      while (events.hasNext()) {
        last = events.next().getService();
        if (!cmd.json()) {
          String reason = Output.reason(last.getStateReason());
          cmd.out().println(last.getName() + " " + last.getState() + (reason.isEmpty() ? "" : " — " + reason));
          cmd.out().flush();
        }
        if (settled(last.getState())) {
          return last;
        }
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
        throw e;
      }
      throw unsettled(last, "after " + cmd.client.timeoutSeconds + " s (--timeout-s)",
          "DEADLINE_EXCEEDED", "WAIT_TIMEOUT");
    }
    throw unsettled(last, "when the controller ended the watch", "UNAVAILABLE", "WATCH_ENDED");
  }

  /** "services/x still DELETING after 40 s (--timeout-s): DEVICE_TIMEOUT: …", exit 6. */
  private static CliErrors.CliException unsettled(Service last, String when, String code, String reason) {
    String why = Output.reason(last.getStateReason());
    return new CliErrors.CliException(CliErrors.UNAVAILABLE, code, reason,
        last.getName() + " still " + last.getState() + " " + when + (why.isEmpty() ? "" : ": " + why),
        last);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Request a wavelength service.")
  static final class Create extends ClientCommand {
    @Mixin ServiceSpecOptions specOptions;

    @Option(names = "--id", defaultValue = "", description = "Service id (default: chosen by the server).")
    String id;

    @Option(names = "--display-name", defaultValue = "", description = "Human-readable name.")
    String displayName;

    @Option(names = "--request-id", description = "Idempotency key (default: a new UUID). Reuse it to retry safely.")
    String requestId;

    @Option(names = "--wait", description = "Follow the service until ACTIVE, DEGRADED or FAILED; "
        + "request and wait end within --timeout-s (exit 6 if the service has not settled by then).")
    boolean waitForIt;

    @Override
    int run(ManagedChannel channel) {
      Service spec = specOptions.toService().toBuilder().setDisplayName(displayName).build();
      var stub = ConnectivityServiceGrpc.newBlockingStub(channel);
      Service created = (waitForIt ? commandDeadline(stub) : deadline(stub)).createService(
          CreateServiceRequest.newBuilder().setRequestId(requestId != null ? requestId : UUID.randomUUID().toString())
              .setServiceId(id).setService(spec).build());
      Service result = waitForIt ? follow(this, channel, created) : created;
      print(result, () -> {
        Views.services(out(), List.of(result));
        if (result.getChannelsCount() > 0) {
          out().println();
          Views.channels(out(), result.getChannelsList());
        }
      });
      return result.getState() == ServiceState.FAILED ? CliErrors.SERVICE_FAILED : CliErrors.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a service and its channels.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(ManagedChannel channel) {
      Service s = deadline(ConnectivityServiceGrpc.newBlockingStub(channel))
          .getService(GetServiceRequest.newBuilder().setName(name(id)).build());
      return print(s, () -> {
        Views.services(out(), List.of(s));
        out().println();
        Views.channels(out(), s.getChannelsList());
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List services (all pages).")
  static final class ListServices extends ClientCommand {
    @Option(names = "--state", split = ",", description = "Only services in these states, comma-separated (e.g. ACTIVE,FAILED): ${COMPLETION-CANDIDATES}.")
    List<ServiceState> states = new ArrayList<>();

    @Override
    int run(ManagedChannel channel) {
      var stub = ConnectivityServiceGrpc.newBlockingStub(channel);
      ListServicesResponse.Builder all = ListServicesResponse.newBuilder();
      String token = "";
      do {
        ListServicesResponse page = deadline(stub).listServices(
            ListServicesRequest.newBuilder().setPageToken(token).addAllStates(states).build());
        all.addAllServices(page.getServicesList()).setRevision(page.getRevision());
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      return print(all, () -> Views.services(out(), all.getServicesList()));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a service (idempotent).")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Option(names = "--wait", description = "Follow the service until DELETED; request and wait end "
        + "within --timeout-s (exit 6 if the service has not settled by then).")
    boolean waitForIt;

    @Override
    int run(ManagedChannel channel) {
      var stub = ConnectivityServiceGrpc.newBlockingStub(channel);
      Service s = (waitForIt ? commandDeadline(stub) : deadline(stub))
          .deleteService(DeleteServiceRequest.newBuilder().setName(name(id)).build());
      Service result = waitForIt ? follow(this, channel, s) : s;
      return print(result, () -> Views.services(out(), List.of(result)));
    }
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Stream service changes until interrupted (one line or JSON object per change).")
  static final class Watch extends ClientCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Services to watch (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--from-revision", defaultValue = "0", description = "First revision to show (0 = from now).")
    long fromRevision;

    @Override
    int run(ManagedChannel channel) {
      WatchServicesRequest.Builder req = WatchServicesRequest.newBuilder().setStartRevision(fromRevision);
      ids.forEach(i -> req.addNames(name(i)));
      Iterator<ServiceEvent> events = ConnectivityServiceGrpc.newBlockingStub(channel).watchServices(req.build());
      while (events.hasNext()) {
        ServiceEvent e = events.next();
        if (json()) {
          Output.json(out(), e);
        } else {
          String reason = Output.reason(e.getService().getStateReason());
          out().println(e.getRevision() + " " + e.getService().getName() + " " + e.getService().getState()
              + (reason.isEmpty() ? "" : " " + reason));
          out().flush();
        }
      }
      return CliErrors.OK;
    }
  }
}
