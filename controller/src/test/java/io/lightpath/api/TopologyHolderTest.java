package io.lightpath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.StatusRuntimeException;
import io.lightpath.store.memory.InMemoryStateStore;
import io.lightpath.store.mvstore.MvStateStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyHolderTest {
  @Test
  void aReplacedTopologyAndItsEtagSurviveReopeningTheStore(@TempDir Path dir) {
    String etag;
    try (MvStateStore store = MvStateStore.open(dir)) {
      TopologyHolder h = new TopologyHolder(store);
      assertEquals("0", h.current().getEtag());
      etag = h.replace(TopologyGrpcServiceTest.twoRoadms(), "").getEtag();
    }
    try (MvStateStore store = MvStateStore.open(dir)) {
      TopologyHolder h = new TopologyHolder(store);
      assertEquals(etag, h.current().getEtag());
      assertEquals(2, h.current().getNodesCount());
      String next = h.replace(TopologyGrpcServiceTest.twoRoadms(), etag).getEtag();
      assertEquals(Long.parseLong(etag) + 1, Long.parseLong(next));
    }
  }

  @Test
  void aStaleEtagChangesNothing() {
    try (InMemoryStateStore store = new InMemoryStateStore()) {
      TopologyHolder h = new TopologyHolder(store);
      h.replace(TopologyGrpcServiceTest.twoRoadms(), "");
      long revision = store.revision();
      assertThrows(StatusRuntimeException.class,
          () -> h.replace(io.lightpath.proto.v1.Topology.getDefaultInstance(), "0"));
      assertEquals(revision, store.revision());
      assertEquals(2, h.current().getNodesCount());
    }
  }
}
