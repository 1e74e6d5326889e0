package io.lightpath.demo;

import io.lightpath.proto.v1.Service;
import java.util.List;

/**
 * What a demo run did and found.
 *
 * @param ok whether every step succeeded and every service ended as expected
 * @param steps the steps in order
 * @param provisioned the services as they stood once provisioned (before the cut)
 * @param afterCut the services once they settled after the cut
 * @param events watch events received after the cut, in order
 * @param verdicts one line per service: expected and observed state after the cut
 * @param recovered the services once ACTIVE again after the fiber was repaired
 */
public record DemoReport(
    boolean ok,
    List<Step> steps,
    List<Service> provisioned,
    List<Service> afterCut,
    List<ServiceWatch.Received> events,
    List<Verdict> verdicts,
    List<Service> recovered) {

  public DemoReport {
    steps = List.copyOf(steps);
    provisioned = List.copyOf(provisioned);
    afterCut = List.copyOf(afterCut);
    events = List.copyOf(events);
    verdicts = List.copyOf(verdicts);
    recovered = List.copyOf(recovered);
  }

  /** One step: what, whether it worked, how long it took (ms), and a detail or error. */
  public record Step(String name, boolean ok, long millis, String detail) {}

  /** Expected against observed for one service after the cut. */
  public record Verdict(String serviceId, String expected, String observed, boolean ok) {}
}
