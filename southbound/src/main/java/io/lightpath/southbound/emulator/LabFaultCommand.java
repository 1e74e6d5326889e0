package io.lightpath.southbound.emulator;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.lab.v1.ClearFaultsRequest;
import io.lightpath.proto.lab.v1.DeviceInfo;
import io.lightpath.proto.lab.v1.FailNextSetsRequest;
import io.lightpath.proto.lab.v1.FaultResponse;
import io.lightpath.proto.lab.v1.FiberRequest;
import io.lightpath.proto.lab.v1.GetOpticalStateRequest;
import io.lightpath.proto.lab.v1.LabAdminGrpc;
import io.lightpath.proto.lab.v1.ListDevicesRequest;
import io.lightpath.proto.lab.v1.PortOpticalState;
import io.lightpath.proto.lab.v1.SetDeviceDownRequest;
import io.lightpath.proto.lab.v1.SetLatencyRequest;
import io.lightpath.proto.lab.v1.SetMalformedRepliesRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab fault <action> --admin host:port}: injects faults into a running lab. */
@Command(
    name = "fault",
    mixinStandardHelpOptions = true,
    description = "Inject faults into a running lab through its LabAdmin service.",
    subcommands = {
      LabFaultCommand.Devices.class,
      LabFaultCommand.CutFiber.class,
      LabFaultCommand.RepairFiber.class,
      LabFaultCommand.Down.class,
      LabFaultCommand.Up.class,
      LabFaultCommand.Latency.class,
      LabFaultCommand.FailSets.class,
      LabFaultCommand.Malformed.class,
      LabFaultCommand.Clear.class,
      LabFaultCommand.Optics.class
    })
public final class LabFaultCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** The {@code --admin} option and the call plumbing every action shares. */
  static final class Admin {
    @Option(names = "--admin", required = true, paramLabel = "HOST:PORT",
        description = "LabAdmin address printed by 'lab'.")
    String address;

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    /** Runs {@code call} against the admin service; prints its message or the error. */
    int run(Function<LabAdminGrpc.LabAdminBlockingStub, String> call) {
      ManagedChannel channel =
          Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
      try {
        String message = call.apply(
            LabAdminGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS));
        PrintWriter out = spec.commandLine().getOut();
        out.println(message);
        out.flush();
        return 0;
      } catch (StatusRuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("lab fault: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
        err.flush();
        return 1;
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static String message(FaultResponse r) {
    return r.getMessage();
  }

  @Command(name = "devices", mixinStandardHelpOptions = true, description = "List devices and their faults.")
  static final class Devices implements Callable<Integer> {
    @Mixin Admin admin;

    @Override
    public Integer call() {
      return admin.run(s -> {
        StringBuilder sb = new StringBuilder();
        for (DeviceInfo d : s.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList()) {
          sb.append(String.format("%-20s %-12s %s:%d%s%s%s%s%n", d.getName(), d.getRole(),
              d.getHost(), d.getPort(), d.getDown() ? " DOWN" : "",
              d.getLatencyMs() > 0 ? " latency=" + d.getLatencyMs() + "ms" : "",
              d.getFailingSets() > 0 ? " failing-sets=" + d.getFailingSets() : "",
              d.getMalformedReplies() ? " malformed" : ""));
        }
        return sb.toString().stripTrailing();
      });
    }
  }

  @Command(name = "cut-fiber", mixinStandardHelpOptions = true, description = "Cut a fiber.")
  static final class CutFiber implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "FIBER") String fiber;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.cutFiber(FiberRequest.newBuilder().setFiber(fiber).build())));
    }
  }

  @Command(name = "repair-fiber", mixinStandardHelpOptions = true, description = "Repair a cut fiber.")
  static final class RepairFiber implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "FIBER") String fiber;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.repairFiber(FiberRequest.newBuilder().setFiber(fiber).build())));
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Take a device's gNMI endpoint down (calls fail UNAVAILABLE).")
  static final class Down implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "DEVICE") String device;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.setDeviceDown(
          SetDeviceDownRequest.newBuilder().setDevice(device).setDown(true).build())));
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true, description = "Bring a device back up.")
  static final class Up implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "DEVICE") String device;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.setDeviceDown(
          SetDeviceDownRequest.newBuilder().setDevice(device).setDown(false).build())));
    }
  }

  @Command(name = "latency", mixinStandardHelpOptions = true,
      description = "Delay a device's gNMI replies by MS milliseconds (0 removes).")
  static final class Latency implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(index = "0", paramLabel = "DEVICE") String device;
    @Parameters(index = "1", paramLabel = "MS") long millis;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.setLatency(
          SetLatencyRequest.newBuilder().setDevice(device).setLatencyMs(millis).build())));
    }
  }

  @Command(name = "fail-sets", mixinStandardHelpOptions = true,
      description = "Make the next N Sets of a device fail (UNAVAILABLE, nothing applied).")
  static final class FailSets implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(index = "0", paramLabel = "DEVICE") String device;
    @Parameters(index = "1", paramLabel = "N") int count;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.failNextSets(
          FailNextSetsRequest.newBuilder().setDevice(device).setCount(count).build())));
    }
  }

  @Command(name = "malformed", mixinStandardHelpOptions = true,
      description = "Make a device's Get replies invalid JSON (--off to stop).")
  static final class Malformed implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "DEVICE") String device;
    @Option(names = "--off", description = "Return normal replies again.") boolean off;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.setMalformedReplies(
          SetMalformedRepliesRequest.newBuilder().setDevice(device).setEnabled(!off).build())));
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Clear a device's faults, or with no DEVICE every fault and cut.")
  static final class Clear implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "DEVICE", arity = "0..1") String device;

    @Override
    public Integer call() {
      return admin.run(s -> message(s.clearFaults(
          ClearFaultsRequest.newBuilder().setDevice(device == null ? "" : device).build())));
    }
  }

  @Command(name = "optics", mixinStandardHelpOptions = true,
      description = "Show what transponder ports receive.")
  static final class Optics implements Callable<Integer> {
    @Mixin Admin admin;
    @Parameters(paramLabel = "DEVICE", arity = "0..1") String device;

    @Override
    public Integer call() {
      return admin.run(s -> {
        StringBuilder sb = new StringBuilder();
        for (PortOpticalState p : s.getOpticalState(GetOpticalStateRequest.newBuilder()
            .setDevice(device == null ? "" : device).build()).getPortsList()) {
          sb.append(p.getCarrierPresent()
              ? String.format("%s:%s carrier from %s, %.2f dBm, OSNR %.2f dB, pre-FEC BER %.2e%n",
                  p.getDevice(), p.getPort(), p.getSource(), p.getInputPowerDbm(), p.getOsnrDb(),
                  p.getPreFecBer())
              : String.format("%s:%s LOS%n", p.getDevice(), p.getPort()));
        }
        return sb.toString().stripTrailing();
      });
    }
  }
}
