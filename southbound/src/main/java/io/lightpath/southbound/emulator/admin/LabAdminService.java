package io.lightpath.southbound.emulator.admin;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.lab.v1.ClearFaultsRequest;
import io.lightpath.proto.lab.v1.DeviceInfo;
import io.lightpath.proto.lab.v1.FailNextSetsRequest;
import io.lightpath.proto.lab.v1.FaultResponse;
import io.lightpath.proto.lab.v1.FiberRequest;
import io.lightpath.proto.lab.v1.GetOpticalStateRequest;
import io.lightpath.proto.lab.v1.GetOpticalStateResponse;
import io.lightpath.proto.lab.v1.LabAdminGrpc;
import io.lightpath.proto.lab.v1.ListDevicesRequest;
import io.lightpath.proto.lab.v1.ListDevicesResponse;
import io.lightpath.proto.lab.v1.PortOpticalState;
import io.lightpath.proto.lab.v1.SetDeviceDownRequest;
import io.lightpath.proto.lab.v1.SetLatencyRequest;
import io.lightpath.proto.lab.v1.SetMalformedRepliesRequest;
import io.lightpath.southbound.emulator.DeviceEndpoint;
import io.lightpath.southbound.emulator.EmulatedLab;
import io.lightpath.southbound.emulator.device.EmulatedDevice;
import io.lightpath.southbound.emulator.optics.OpticalReading;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.Map;

/** The LabAdmin gRPC service: fault injection and inspection of a running {@link EmulatedLab}. */
public final class LabAdminService extends LabAdminGrpc.LabAdminImplBase {
  private final EmulatedLab lab;

  public LabAdminService(EmulatedLab lab) {
    this.lab = lab;
  }

  /** A fault action that may reject its input with IllegalArgumentException. */
  private interface Action {
    String run() throws java.io.IOException;
  }

  private static void answer(StreamObserver<FaultResponse> observer, Action action) {
    String message;
    try {
      message = action.run();
    } catch (IllegalArgumentException e) {
      observer.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asException());
      return;
    } catch (java.io.IOException e) {
      observer.onError(Status.INTERNAL.withDescription(e.getMessage()).asException());
      return;
    }
    observer.onNext(FaultResponse.newBuilder().setMessage(message).build());
    observer.onCompleted();
  }

  @Override
  public void listDevices(ListDevicesRequest request, StreamObserver<ListDevicesResponse> observer) {
    ListDevicesResponse.Builder b = ListDevicesResponse.newBuilder();
    for (DeviceEndpoint ep : lab.endpoints()) {
      EmulatedDevice d = lab.device(ep.name());
      b.addDevices(DeviceInfo.newBuilder()
          .setName(ep.name())
          .setRole(ep.role().name())
          .setHost(ep.host())
          .setPort(ep.port())
          .setDown(d.faults().down())
          .setLatencyMs(d.faults().latencyMs())
          .setFailingSets(d.faults().failingSets())
          .setMalformedReplies(d.faults().malformedReplies()));
    }
    observer.onNext(b.build());
    observer.onCompleted();
  }

  @Override
  public void cutFiber(FiberRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.network().cutFiber(request.getFiber());
      return "fiber " + request.getFiber() + " cut";
    });
  }

  @Override
  public void repairFiber(FiberRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.network().repairFiber(request.getFiber());
      return "fiber " + request.getFiber() + " repaired";
    });
  }

  @Override
  public void setDeviceDown(SetDeviceDownRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.setDeviceDown(request.getDevice(), request.getDown());
      return "device " + request.getDevice() + (request.getDown() ? " down" : " up");
    });
  }

  @Override
  public void setLatency(SetLatencyRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.device(request.getDevice()).faults().setLatencyMs(request.getLatencyMs());
      return "device " + request.getDevice() + " replies after " + request.getLatencyMs() + " ms";
    });
  }

  @Override
  public void failNextSets(FailNextSetsRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.device(request.getDevice()).faults().setFailingSets(request.getCount());
      return "device " + request.getDevice() + ": next " + request.getCount() + " Sets fail";
    });
  }

  @Override
  public void setMalformedReplies(
      SetMalformedRepliesRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      lab.device(request.getDevice()).faults().setMalformedReplies(request.getEnabled());
      return "device " + request.getDevice() + " malformed replies "
          + (request.getEnabled() ? "on" : "off");
    });
  }

  @Override
  public void clearFaults(ClearFaultsRequest request, StreamObserver<FaultResponse> observer) {
    answer(observer, () -> {
      if (request.getDevice().isEmpty()) {
        for (EmulatedDevice d : lab.network().devices()) {
          d.clearFaults();
          lab.setDeviceDown(d.name(), false);
        }
        lab.network().repairAll();
        return "all faults cleared";
      }
      lab.device(request.getDevice()).clearFaults();
      lab.setDeviceDown(request.getDevice(), false);
      return "faults of " + request.getDevice() + " cleared";
    });
  }

  @Override
  public void getOpticalState(
      GetOpticalStateRequest request, StreamObserver<GetOpticalStateResponse> observer) {
    if (!request.getDevice().isEmpty() && lab.network().device(request.getDevice()).isEmpty()) {
      observer.onError(Status.NOT_FOUND
          .withDescription("no device named '" + request.getDevice() + "'").asException());
      return;
    }
    GetOpticalStateResponse.Builder b = GetOpticalStateResponse.newBuilder();
    for (Map.Entry<PortRef, OpticalReading> e : lab.network().opticalState().entrySet()) {
      if (!request.getDevice().isEmpty() && !request.getDevice().equals(e.getKey().device())) {
        continue;
      }
      OpticalReading r = e.getValue();
      b.addPorts(PortOpticalState.newBuilder()
          .setDevice(e.getKey().device())
          .setPort(e.getKey().port())
          .setCarrierPresent(r.carrierPresent())
          .setInputPowerDbm(r.inputPowerDbm())
          .setOsnrDb(r.osnrDb())
          .setPreFecBer(r.preFecBer())
          .setSource(r.source()));
    }
    observer.onNext(b.build());
    observer.onCompleted();
  }
}
