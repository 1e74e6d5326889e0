package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

class GnmiErrorsTest {

    @Test
    void aClientSideDeadlineReadsAsNoAnswerWithinTheDeadline() {
        // grpc-java 1.83's texts for a call that outlived its deadline, and for one started too late
        assertEquals("Set got no answer within its deadline (9.998752101s)", GnmiErrors.describe("Set",
                Status.DEADLINE_EXCEEDED.withDescription("CallOptions deadline exceeded after 9.998752101s. Name"
                        + " resolution delay 0.000000000 seconds. [closed=[], open=[[buffered_nanos=2207,"
                        + " remote_addr=127.0.0.1/127.0.0.1:40221]]]")));
        assertEquals("Get got no answer within its deadline (0.001s)", GnmiErrors.describe("Get",
                Status.DEADLINE_EXCEEDED.withDescription(
                        "ClientCall started after CallOptions deadline was exceeded -0.001s ago")));
    }

    @Test
    void otherFailuresKeepTheDevicesOwnWords() {
        assertEquals("Set failed with DEADLINE_EXCEEDED: commit took too long", GnmiErrors.describe("Set",
                Status.DEADLINE_EXCEEDED.withDescription("commit took too long")));
        assertEquals("Set failed with FAILED_PRECONDITION: media channel 9 overlaps media channel 1",
                GnmiErrors.describe("Set", Status.FAILED_PRECONDITION.withDescription(
                        "media channel 9 overlaps media channel 1")));
        assertEquals("Get failed with UNAVAILABLE", GnmiErrors.describe("Get", Status.UNAVAILABLE));
    }
}
