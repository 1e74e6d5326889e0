package io.lightpath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.v1.Fiber;
import io.lightpath.proto.v1.GetTopologyRequest;
import io.lightpath.proto.v1.ImportTopologyRequest;
import io.lightpath.proto.v1.Node;
import io.lightpath.proto.v1.NodeKind;
import io.lightpath.proto.v1.PatchTopologyRequest;
import io.lightpath.proto.v1.Port;
import io.lightpath.proto.v1.ReplaceTopologyRequest;
import io.lightpath.proto.v1.Span;
import io.lightpath.proto.v1.Topology;
import io.lightpath.proto.v1.TopologyFormat;
import io.lightpath.proto.v1.TopologyServiceGrpc;
import io.lightpath.server.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyGrpcServiceTest {
  private RunningServer rs;
  private TopologyServiceGrpc.TopologyServiceBlockingStub stub;

  @BeforeEach
  void start() throws Exception {
    rs = RunningServer.start();
    stub = TopologyServiceGrpc.newBlockingStub(rs.channel);
  }

  @AfterEach
  void stop() throws Exception {
    rs.close();
  }

  static Node roadm(String id) {
    return Node.newBuilder().setId(id).setKind(NodeKind.ROADM)
        .addPorts(Port.newBuilder().setId("line-1")).addPorts(Port.newBuilder().setId("line-2")).build();
  }

  static Topology twoRoadms() {
    return Topology.newBuilder().addNodes(roadm("a")).addNodes(roadm("b"))
        .addFibers(Fiber.newBuilder().setId("a-b").setANodeId("a").setAPortId("line-1").setZNodeId("b")
            .setZPortId("line-1").setLengthKm(160)
            .addSpans(Span.newBuilder().setLengthKm(80)).addSpans(Span.newBuilder().setLengthKm(80)))
        .build();
  }

  @Test
  void replaceThenGetReturnsTheTopologyWithANewEtag() {
    String before = stub.getTopology(GetTopologyRequest.getDefaultInstance()).getEtag();
    Topology stored = stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).build());
    assertEquals(2, stored.getNodesCount());
    assertTrue(!stored.getEtag().equals(before));
    assertEquals(stored, stub.getTopology(GetTopologyRequest.getDefaultInstance()));
  }

  @Test
  void rejectsDanglingReferencesAndKeepsTheOldTopology() {
    Topology good = stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).build());
    Topology bad = twoRoadms().toBuilder()
        .addFibers(Fiber.newBuilder().setId("a-c").setANodeId("a").setAPortId("line-1").setZNodeId("c")
            .setLengthKm(-1).addSrlgIds("duct-9"))
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(bad).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(List.of("topology.fibers[1].a_port_id", "topology.fibers[1].z_node_id",
        "topology.fibers[1].length_km", "topology.fibers[1].srlg_ids"), StatusDetails.violatedFields(e));
    assertEquals(good, stub.getTopology(GetTopologyRequest.getDefaultInstance()));
  }

  @Test
  void spanLengthsMustAddUp() {
    Topology t = twoRoadms().toBuilder().setFibers(0, twoRoadms().getFibers(0).toBuilder().setLengthKm(100)).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(t).build()));
    assertEquals(List.of("topology.fibers[0].length_km"), StatusDetails.violatedFields(e));
  }

  @Test
  void staleEtagIsAborted() {
    Topology first = stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).build());
    stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).setEtag(first.getEtag()).build());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.replaceTopology(
        ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).setEtag(first.getEtag()).build()));
    assertEquals(Status.Code.ABORTED, e.getStatus().getCode());
    assertEquals("ETAG_MISMATCH", StatusDetails.reason(e));
  }

  @Test
  void patchUpsertsAndRemovesAtomically() {
    stub.replaceTopology(ReplaceTopologyRequest.newBuilder().setTopology(twoRoadms()).build());
    Topology patched = stub.patchTopology(PatchTopologyRequest.newBuilder()
        .addUpsertNodes(roadm("c"))
        .addUpsertFibers(Fiber.newBuilder().setId("b-c").setANodeId("b").setAPortId("line-2").setZNodeId("c")
            .setZPortId("line-1").setLengthKm(40))
        .build());
    assertEquals(3, patched.getNodesCount());
    assertEquals(2, patched.getFibersCount());
    // removing a node that a fiber still uses is refused as a whole
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.patchTopology(
        PatchTopologyRequest.newBuilder().addRemoveNodeIds("c").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(patched, stub.getTopology(GetTopologyRequest.getDefaultInstance()));
  }

  @Test
  void importsLightpathYaml() {
    String yaml = String.join("\n",
        "nodes:",
        "  - {id: a, kind: ROADM, ports: [{id: line-1}]}",
        "  - {id: b, kind: ROADM, ports: [{id: line-1}]}",
        "fibers:",
        "  - {id: a-b, a_node_id: a, a_port_id: line-1, z_node_id: b, z_port_id: line-1, length_km: 42.5}",
        "");
    Topology t = stub.importTopology(ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.LIGHTPATH_YAML)
        .setDocument(ByteString.copyFrom(yaml, StandardCharsets.UTF_8)).build());
    assertEquals(42.5, t.getFibers(0).getLengthKm());
  }

  @Test
  void importsAGnpyNetworkAsFibersWithSpans() throws Exception {
    byte[] doc;
    try (var in = getClass().getResourceAsStream("/io/lightpath/gnpy/three-site-network.json")) {
      doc = in.readAllBytes();
    }
    Topology t = stub.importTopology(ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.GNPY_JSON)
        .setDocument(ByteString.copyFrom(doc)).build());
    assertTrue(t.getNodesCount() >= 2, t.toString());
    assertTrue(t.getFibersList().stream().anyMatch(f -> f.getSpansCount() > 1), t.toString());
    assertEquals(t, stub.getTopology(GetTopologyRequest.getDefaultInstance()));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.importTopology(
        ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.GNPY_JSON)
            .setDocument(ByteString.copyFromUtf8("{\"elements\": [], \"connections\": [{\"from_node\": \"a\", \"to_node\": \"b\"}]}")).build()));
    assertEquals("MALFORMED_DOCUMENT", StatusDetails.reason(e));
  }

  @Test
  void malformedDocumentIsInvalidArgumentWithReason() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.importTopology(
        ImportTopologyRequest.newBuilder().setFormat(TopologyFormat.LIGHTPATH_JSON)
            .setDocument(ByteString.copyFromUtf8("{\"nodes\": [ {\"id\": ")).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("MALFORMED_DOCUMENT", StatusDetails.reason(e));
  }
}
