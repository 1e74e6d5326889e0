package io.lightpath.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.proto.v1.Service;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchLabTest {
  @ParameterizedTest(name = "{0} sites, {1} services")
  @CsvSource({"40, 2000", "40, 1", "3, 3", "20, 500", "7, 1000"})
  void noTransponderIsAskedForMorePortsThanItHas(int sites, int services) {
    BenchLab lab = new BenchLab(sites, services);
    Map<String, Integer> ends = new HashMap<>();
    for (int i = 0; i < services; i++) {
      Service s = lab.service(i);
      ends.merge(s.getAEnd().getNodeId(), 1, Integer::sum);
      ends.merge(s.getZEnd().getNodeId(), 1, Integer::sum);
    }
    ends.forEach((tp, n) -> assertTrue(n <= BenchLab.PORTS_PER_TP, tp + " is the end of " + n + " services"));
  }
}
