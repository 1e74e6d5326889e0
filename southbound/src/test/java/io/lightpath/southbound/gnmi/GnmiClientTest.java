package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.CapabilityResponse;
import io.lightpath.southbound.spi.DeviceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unary calls of {@link GnmiClient}: how a call's status becomes a {@link DeviceException}, and its Context. */
class GnmiClientTest {

    private TestGnmiTarget target;
    private GnmiClient client;

    @BeforeEach
    void start() {
        target = TestGnmiTarget.plaintext(GnmiDeviceType.OPTICAL_SWITCH).start();
        client = new GnmiClient(target.clientConfig("ocs", GnmiDeviceType.OPTICAL_SWITCH));
    }

    @AfterEach
    void stop() {
        client.close();
        target.close();
    }

    private static GetRequest getOf(String path) {
        return GetRequest.newBuilder().addPath(GnmiPaths.parse(path)).build();
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @Test
    void anAbsentPathIsNotFoundWithNeitherStackTraceNorCause() {
        DeviceException e = failure(client.get(getOf(
                "/optical-switch/cross-connects/cross-connect[input-port=nowhere]/config")));

        assertEquals(DeviceException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("ocs: NOT_FOUND: Get failed with NOT_FOUND"), e.getMessage());
        // an answer, not a fault: the cost of a stack trace was spent twice per ROADM step before
        assertEquals(0, e.getStackTrace().length);
        assertNull(e.getCause());
        assertTrue(GnmiErrors.isNotFound(e));
        // a revert that fails after it is still reported with it
        e.addSuppressed(new IllegalStateException("revert failed"));
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void anUnreachableTargetIsUnavailableAndKeepsTheStatusAsItsCause() throws Exception {
        target.stop();

        DeviceException e = failure(client.get(getOf("/optical-switch")));

        assertEquals(DeviceException.Kind.UNAVAILABLE, e.kind());
        StatusRuntimeException cause = assertInstanceOf(StatusRuntimeException.class, e.getCause());
        assertEquals(Status.Code.UNAVAILABLE, cause.getStatus().getCode());
        assertTrue(e.getStackTrace().length > 0);
    }

    @Test
    void aCallStartedWhileServingAnRpcOutlivesThatRpc() throws Exception {
        // a driver call made inside an RPC that is then cancelled (its client went away) must still complete
        Context.CancellableContext serving = Context.current().withCancellation();
        CompletableFuture<CapabilityResponse> f = serving.call(() -> {
            CompletableFuture<CapabilityResponse> call = client.capabilities();
            serving.cancel(null);
            return call;
        });

        assertEquals(GnmiDeviceType.OPTICAL_SWITCH.requiredModels().size(),
                f.get(20, TimeUnit.SECONDS).getSupportedModelsCount());
    }
}
