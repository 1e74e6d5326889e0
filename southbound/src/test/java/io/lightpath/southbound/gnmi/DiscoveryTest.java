package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.InsecureServerCredentials;
import io.lightpath.southbound.spi.DeviceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Capabilities: a target lacking a required model is refused. */
class DiscoveryTest {

    @Test
    void targetWithoutARequiredModelIsUnsupported() {
        try (TestGnmiTarget target = new TestGnmiTarget(List.of("openconfig-platform"),
                InsecureServerCredentials.create(), Optional.empty()).start();
                GnmiDeviceDriver driver = new GnmiDeviceDriver(new GnmiDeviceConfig("tp", GnmiDeviceType.TRANSPONDER,
                        "127.0.0.1", target.port(), new GnmiTransport.PlaintextForLabOnly(), Optional.empty(),
                        Duration.ofSeconds(5), BackoffPolicy.DEFAULT), PayloadValidator.NONE, new ManualScheduler())) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> driver.discover().orTimeout(20, TimeUnit.SECONDS).join());
            DeviceException de = DeviceException.unwrap(e);
            assertEquals(DeviceException.Kind.UNSUPPORTED, de.kind());
            assertTrue(de.getMessage().contains("openconfig-terminal-device"), de.getMessage());
        }
    }
}
