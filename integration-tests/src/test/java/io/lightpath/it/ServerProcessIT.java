package io.lightpath.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The controller as its own process, reached over real loopback sockets. */
class ServerProcessIT {

  @Test
  void answersHealthAndReflectionAndTheCliReachesIt() throws Exception {
    try (ControllerProcess controller = ControllerProcess.start()) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", controller.port()).usePlaintext().build();
      try {
        assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance()).getStatus());
        assertTrue(reflectedServices(channel).containsAll(List.of("lightpath.v1.TopologyService",
            "lightpath.v1.DeviceService", "lightpath.v1.ConnectivityService", "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection")));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      // the CLI, itself a separate process, registers and lists a device through the server
      Process add = new ProcessBuilder(ControllerProcess.java("device", "add", "roadm-1", "--address",
          "127.0.0.1:9339", "--role", "roadm", "--server", controller.target())).start();
      assertEquals(0, add.waitFor(), new String(add.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      Process list = new ProcessBuilder(ControllerProcess.java("device", "list", "-o", "json", "--server",
          controller.target())).start();
      String json = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, list.waitFor());
      assertTrue(json.contains("\"name\":\"devices/roadm-1\""), json);
    }
  }

  @Test
  void stopsGracefullyOnSigterm() throws Exception {
    try (ControllerProcess controller = ControllerProcess.start()) {
      // SIGTERM through the handle: Process.destroy() would also close our end of its stderr
      controller.process.toHandle().destroy();
      assertTrue(controller.process.waitFor(60, TimeUnit.SECONDS), "controller did not stop");
      // the output pump may lag the exit by a moment: wait for it to drain
      for (int i = 0; i < 50 && !controller.stderr().contains("lightpath server stopped"); i++) {
        Thread.sleep(100);
      }
      assertTrue(controller.stderr().contains("lightpath server stopped"), controller.stderr());
      assertFalse(controller.stderr().contains("ERROR"), controller.stderr());
    }
  }

  private static List<String> reflectedServices(ManagedChannel channel) throws Exception {
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
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
    List<String> result = names.get(10, TimeUnit.SECONDS);
    requests.onCompleted();
    return result;
  }
}
