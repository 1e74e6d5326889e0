package io.lightpath.demo;

import io.lightpath.proto.v1.Bundle;
import io.lightpath.proto.v1.Constraints;
import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Protection;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceState;
import java.util.List;
import java.util.Set;

/**
 * The services the demo provisions on {@link DemoLab} and what it expects after it cuts
 * {@link #CUT_FIBER}.
 *
 * <p>On the demo lab the controller routes (checked by DemoScenarioTest against the path
 * computer): the 1+1 service's working leg and one bundle channel over the 80 km a side (fern -
 * gorse - heath - iris), the protection leg and the other bundle channel over the 100 km b side
 * (fern - kestrel - juniper - iris), gorse-heath straight over their 31 km fiber, and
 * juniper-kestrel straight over theirs. Cutting gorse-heath therefore hits one leg of the 1+1
 * service, one channel of the bundle and the whole gorse-heath service, and leaves
 * juniper-kestrel alone.
 */
public final class DemoScenario {
  /** Fiber the demo cuts through the lab's fault service. */
  public static final String CUT_FIBER = "gorse-heath";

  /** A service to create and what it should become after the cut. */
  public record DemoService(String id, Service request, Set<ServiceState> afterCut, String story) {
    public DemoService {
      afterCut = Set.copyOf(afterCut);
    }
  }

  private DemoScenario() {}

  /** The services, in creation order. */
  public static List<DemoService> services() {
    return List.of(
        new DemoService("dci-protected",
            service("fern-tp1", "iris-tp1", LineRate.LINE_RATE_400G, "DCI fern-iris, 1+1")
                .setProtection(Protection.ONE_PLUS_ONE).build(),
            // one leg survives: lit but unprotected
            Set.of(ServiceState.DEGRADED),
            "400G 1+1 between the data centres: working and protection legs disjoint"),
        new DemoService("dci-bundle",
            service("fern-tp2", "iris-tp2", LineRate.LINE_RATE_800G, "DCI fern-iris, 2x800G bundle")
                .setConstraints(Constraints.newBuilder().setMaxLatencyUs(600))
                .setBundle(Bundle.newBuilder()
                    .setChannelCount(2).setMinDisjointRoutes(2).setMaxSkewUs(150))
                .build(),
            // one of two channels lost: the bundle is not protected, so whether that is
            // DEGRADED (capacity halved) or FAILED is the lifecycle's policy
            Set.of(ServiceState.DEGRADED, ServiceState.FAILED),
            "2 x 800G bundle over two disjoint routes, latency <= 600 us, skew <= 150 us"),
        new DemoService("metro-gorse-heath",
            service("gorse-tp1", "heath-tp1", LineRate.LINE_RATE_400G, "metro gorse-heath").build(),
            // its only channel crosses the cut fiber
            Set.of(ServiceState.FAILED, ServiceState.DEGRADED),
            "400G unprotected, heath end through the site's OCS"),
        new DemoService("metro-juniper-kestrel",
            service("juniper-tp1", "kestrel-tp1", LineRate.LINE_RATE_400G, "metro juniper-kestrel")
                .build(),
            Set.of(ServiceState.ACTIVE),
            "400G unprotected, kestrel end through the site's OCS; away from the cut"));
  }

  private static Service.Builder service(String a, String z, LineRate rate, String displayName) {
    return Service.newBuilder()
        .setDisplayName(displayName)
        .setAEnd(Endpoint.newBuilder().setNodeId(a))
        .setZEnd(Endpoint.newBuilder().setNodeId(z))
        .setRate(rate);
  }
}
