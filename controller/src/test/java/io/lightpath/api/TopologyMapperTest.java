package io.lightpath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lightpath.model.Fiber;
import io.lightpath.model.NodeKind;
import io.lightpath.model.Span;
import io.lightpath.model.Topology;
import io.lightpath.proto.v1.Amplifier;
import io.lightpath.proto.v1.TransceiverPool;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyMapperTest {

  @Test
  void appliesDocumentedDefaultsAndKeepsEveryField() {
    io.lightpath.proto.v1.Topology api = TopologyGrpcServiceTest.twoRoadms().toBuilder()
        .setNodes(0, TopologyGrpcServiceTest.roadm("a").toBuilder().setNodeDelayUs(12)
            .addTransceivers(TransceiverPool.newBuilder().setType("400ZR").setTotalCount(4)))
        .setFibers(0, TopologyGrpcServiceTest.twoRoadms().getFibers(0).toBuilder().addSrlgIds("duct-1")
            .setSpans(1, io.lightpath.proto.v1.Span.newBuilder().setLengthKm(80).setAttenuationDbPerKm(0.22)
                .setAmplifier(Amplifier.newBuilder().setGainDb(17.6).setNoiseFigureDb(5.5))))
        .build();
    Topology t = TopologyMapper.toDomain(api);
    assertEquals(NodeKind.ROADM, t.node("a").kind());
    assertEquals(12, t.node("a").nodeDelayUs());
    assertEquals(4, t.node("a").transceiverCounts().get("400ZR"));
    Fiber f = t.fiber("a-b");
    assertEquals(Fiber.DEFAULT_GROUP_DELAY_US_PER_KM, f.groupDelayUsPerKm());
    assertEquals(Set.of("duct-1"), f.srlgIds());
    Span first = f.spans().get(0);
    assertEquals(Span.DEFAULT_ATTENUATION_DB_PER_KM, first.attenuationDbPerKm());
    assertEquals(Span.DEFAULT_DISPERSION_PS_PER_NM_KM, first.dispersionPsPerNmKm());
    assertEquals(Span.DEFAULT_GAMMA_PER_W_KM, first.gammaPerWKm());
    assertNull(first.amplifier());
    assertEquals(0.22, f.spans().get(1).attenuationDbPerKm());
    assertEquals(17.6, f.spans().get(1).amplifier().gainDb());

    // and back: the round trip is stable once defaults are explicit
    io.lightpath.proto.v1.Topology again = TopologyMapper.toProto(t);
    assertEquals(again, TopologyMapper.toProto(TopologyMapper.toDomain(again)));
    assertEquals("duct-1", again.getSrlgs(0).getId());
  }
}
