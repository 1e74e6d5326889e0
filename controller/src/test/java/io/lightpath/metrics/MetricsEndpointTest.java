package io.lightpath.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.DeviceServiceGrpc;
import io.lightpath.proto.v1.GetDeviceRequest;
import io.lightpath.proto.v1.GetTopologyRequest;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.server.RunningServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

  @Test
  void exposesPerMethodAndStatusRequestMetrics() throws Exception {
    try (RunningServer rs = RunningServer.start();
        MetricsEndpoint endpoint = MetricsEndpoint.start(
            rs.injector.getInstance(PrometheusMeterRegistry.class), "127.0.0.1", 0)) {
      TopologyServiceGrpc.newBlockingStub(rs.channel).getTopology(GetTopologyRequest.getDefaultInstance());
      assertThrows(StatusRuntimeException.class, () -> DeviceServiceGrpc.newBlockingStub(rs.channel)
          .getDevice(GetDeviceRequest.newBuilder().setName("bad").build()));

      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      String body = r.body();
      assertTrue(body.lines().anyMatch(l -> l.startsWith("grpc_server_processing_duration_seconds_count")
          && l.contains("method=\"GetTopology\"") && l.contains("statusCode=\"OK\"")), body);
      assertTrue(body.lines().anyMatch(l -> l.startsWith("grpc_server_processing_duration_seconds_count")
          && l.contains("method=\"GetDevice\"") && l.contains("statusCode=\"INVALID_ARGUMENT\"")), body);
    }
  }
}
