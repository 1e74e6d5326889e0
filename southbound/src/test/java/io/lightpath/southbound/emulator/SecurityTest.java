package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.lightpath.proto.gnmi.CapabilityRequest;
import io.lightpath.southbound.emulator.tls.SelfSignedTls;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS server certificates and username/password metadata. */
class SecurityTest {
  @TempDir Path dir;

  @Test
  void tlsWithCredentials() throws Exception {
    LabOptions.TlsFiles tls = SelfSignedTls.generate(dir);
    LabOptions options = LabOptions.defaults().withTls(tls).withCredentials("lab", "s3cret");
    try (EmulatedLab lab = EmulatedLab.start(LabTopologyFile.readBundled("tri-site.yaml"), options)) {
      ChannelCredentials trust = TlsChannelCredentials.newBuilder()
          .trustManager(tls.certChainPem().toFile()).build();
      DeviceEndpoint ep = lab.endpoint("alder-roadm");
      try (GnmiTestClient ok = new GnmiTestClient(ep, trust, GnmiTestClient.userPassword("lab", "s3cret"))) {
        assertEquals("0.10.0",
            ok.blocking.capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
      }
      try (GnmiTestClient wrong = new GnmiTestClient(ep, trust, GnmiTestClient.userPassword("lab", "guess"))) {
        var e = assertThrows(StatusRuntimeException.class,
            () -> wrong.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals("invalid username or password", e.getStatus().getDescription());
      }
      try (GnmiTestClient none = new GnmiTestClient(ep, trust, null)) {
        var e = assertThrows(StatusRuntimeException.class,
            () -> none.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
      }
      try (GnmiTestClient plaintext = new GnmiTestClient(ep)) {
        var e = assertThrows(StatusRuntimeException.class,
            () -> plaintext.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
      }
    }
  }
}
