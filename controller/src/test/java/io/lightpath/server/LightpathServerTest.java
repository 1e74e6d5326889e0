package io.lightpath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LightpathServerTest {

  @Test
  void reportsServingForEveryApiServiceAndNotServingAfterStop() throws Exception {
    RunningServer rs = RunningServer.start();
    var health = HealthGrpc.newBlockingStub(rs.channel);
    for (String service : List.of("", "lightpath.v1.TopologyService", "lightpath.v1.DeviceService",
        "lightpath.v1.ConnectivityService")) {
      assertEquals(ServingStatus.SERVING,
          health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(), service);
    }
    StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
        () -> health.check(HealthCheckRequest.newBuilder().setService("no.such.Service").build()));
    assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    rs.close();
  }

  @Test
  void reflectionListsTheApi() throws Exception {
    try (RunningServer rs = RunningServer.start()) {
      CompletableFuture<List<String>> names = new CompletableFuture<>();
      StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(rs.channel)
          .serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse r) {
              names.complete(r.getListServicesResponse().getServiceList().stream()
                  .map(ServiceResponse::getName).toList());
            }

            @Override
            public void onError(Throwable t) {
              names.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {}
          });
      requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      List<String> listed = names.get(10, TimeUnit.SECONDS);
      requests.onCompleted();
      assertTrue(listed.containsAll(List.of("lightpath.v1.TopologyService", "lightpath.v1.DeviceService",
          "lightpath.v1.ConnectivityService", "grpc.health.v1.Health")), listed.toString());
    }
  }

  @Test
  void rejectsInvalidPort() {
    assertThrows(IllegalArgumentException.class,
        () -> new ServerConfig("127.0.0.1", 70000, java.time.Duration.ZERO));
  }
}
