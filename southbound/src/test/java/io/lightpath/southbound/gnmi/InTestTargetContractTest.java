package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.grpc.Status;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the driver contract against {@link TestGnmiTarget}s, one per device type, over loopback sockets. */
class InTestTargetContractTest extends AbstractGnmiDriverContractTest {

    static final String OCH = "och-1/1";
    static final BackoffPolicy BACKOFF = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0);

    private final Map<GnmiDeviceType, TestGnmiTarget> targets = new EnumMap<>(GnmiDeviceType.class);

    static JsonNode json(String text) {
        try {
            return IetfJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @BeforeEach
    void startTargets() {
        for (GnmiDeviceType type : GnmiDeviceType.values()) {
            targets.put(type, TestGnmiTarget.plaintext(type).start());
        }
        TestGnmiTarget t = targets.get(GnmiDeviceType.TRANSPONDER);
        t.put("/components/component[name=" + OCH + "]", json("""
                {"name": "och-1/1", "config": {"name": "och-1/1"},
                 "state": {"name": "och-1/1", "oper-status": "ACTIVE"},
                 "optical-channel": {
                   "config": {"frequency": "193100000", "target-output-power": "0.00", "operational-mode": 1,
                              "line-port": "port-1/1"},
                   "state": {"frequency": "193100000", "output-power": {"instant": "0.50"},
                             "input-power": {"instant": "-10.20"}, "osnr": {"instant": "25.10"},
                             "pre-fec-ber": {"instant": "0.000012"}, "carrier-present": true}}}
                """));
        t.put("/terminal-device/logical-channels/channel[index=10]", json("""
                {"index": 10, "config": {"index": 10, "admin-state": "ENABLED"},
                 "logical-channel-assignments": {"assignment": [
                   {"index": 1, "config": {"index": 1, "assignment-type": "OPTICAL_CHANNEL",
                                           "optical-channel": "och-1/1"}}]}}
                """));
        targets.get(GnmiDeviceType.ROADM).put("/wavelength-router/media-channels/channel[index=1]", json("""
                {"index": 1, "config": {"index": 1, "lower-frequency": "191000000", "upper-frequency": "191050000",
                                        "admin-status": "ENABLED"},
                 "source": {"config": {"port-name": "in-1"}}, "dest": {"config": {"port-name": "out-1"}}}
                """));
        TestGnmiTarget ocs = targets.get(GnmiDeviceType.OPTICAL_SWITCH);
        ocs.put("/optical-switch/cross-connects/cross-connect[input-port=p1]", json("""
                {"input-port": "p1", "config": {"input-port": "p1", "output-port": "p2"}}
                """));
    }

    @AfterEach
    void stopTargets() throws InterruptedException {
        for (TestGnmiTarget t : targets.values()) {
            t.close();
        }
    }

    @Override
    protected GnmiDeviceConfig config(GnmiDeviceType type) {
        return new GnmiDeviceConfig(type.name().toLowerCase(), type, "127.0.0.1", targets.get(type).port(),
                new GnmiTransport.PlaintextForLabOnly(), Optional.empty(), Duration.ofSeconds(10), BACKOFF);
    }

    @Override
    protected String opticalChannel() {
        return OCH;
    }

    @Override
    protected List<String> roadmPorts() {
        return List.of("in-2", "out-2");
    }

    @Override
    protected List<String> freeOcsPorts() {
        return List.of("p11", "p12", "p13", "p14", "p15", "p16");
    }

    @Override
    protected void injectSetFailure(GnmiDeviceType type) {
        targets.get(type).failNextSets(1, Status.INVALID_ARGUMENT.withDescription("injected failure"));
    }

    @Override
    protected void injectSetLatency(GnmiDeviceType type, Duration latency) {
        targets.get(type).delayNextSets(1, latency.toMillis());
    }

    @Override
    protected void clearFaults(GnmiDeviceType type) {
        TestGnmiTarget t = targets.get(type);
        t.delayNextSets(0, 0);
        t.failNextSets(0, Status.OK);
        t.malformedGets(false);
    }

    @Override
    protected void injectMalformedReplies(GnmiDeviceType type, boolean on) {
        targets.get(type).malformedGets(on);
    }

    @Override
    protected void stopDevice(GnmiDeviceType type) throws Exception {
        targets.get(type).stop();
    }

    @Override
    protected void restartDevice(GnmiDeviceType type) {
        targets.get(type).restart();
    }

    @Override
    protected void changeLight(boolean present) {
        TestGnmiTarget t = targets.get(GnmiDeviceType.TRANSPONDER);
        t.put("/components/component[name=" + OCH + "]/state/oper-status",
                TextNode.valueOf(present ? "ACTIVE" : "INACTIVE"));
        t.put("/components/component[name=" + OCH + "]/optical-channel/state/carrier-present",
                BooleanNode.valueOf(present));
    }

    @Override
    protected OptionalInt activeSubscribeStreams(GnmiDeviceType type) {
        return OptionalInt.of(targets.get(type).activeSubscribeStreams());
    }
}
