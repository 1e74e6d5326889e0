package io.lightpath.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Prometheus text exposition of the controller's meters on {@code GET /metrics}. The
 * JDK's built-in HTTP server is enough for a scrape endpoint and adds no dependency.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final HttpServer http;

  private MetricsEndpoint(HttpServer http) {
    this.http = http;
  }

  /** Binds {@code bindAddress:port} (0 = any free port) and starts serving. */
  public static MetricsEndpoint start(PrometheusMeterRegistry registry, String bindAddress, int port)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
    http.createContext("/metrics", exchange -> scrape(registry, exchange));
    http.start();
    log.info("metrics on http://{}:{}/metrics", bindAddress, http.getAddress().getPort());
    return new MetricsEndpoint(http);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private static void scrape(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
