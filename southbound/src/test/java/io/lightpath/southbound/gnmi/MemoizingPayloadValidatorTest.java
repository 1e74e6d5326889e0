package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.southbound.spi.MediaChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the memo answers itself and what it still sends to the full validation. */
class MemoizingPayloadValidatorTest {

    /** Counts full validations; refuses payloads containing the text "bad". */
    private static final class Counting implements PayloadValidator {
        final List<String> seen = new ArrayList<>();

        @Override
        public void validate(Path path, com.fasterxml.jackson.databind.JsonNode value) {
            seen.add(GnmiPaths.format(path) + " " + value);
            if (value.toString().contains("bad") || GnmiPaths.format(path).contains("bad")) {
                throw new IllegalArgumentException("bad value");
            }
        }
    }

    private static Path channel(int index) {
        return WavelengthRouterMapping.channel(index);
    }

    private static ObjectNode channelPayload(int index, long lower, String source) {
        return (ObjectNode) WavelengthRouterMapping.encode(new MediaChannel(index, lower, lower + 75_000, source,
                "east", 0));
    }

    @Test
    void aPayloadMadeOfKnownShapeAndValuesIsNotValidatedAgain() {
        Counting full = new Counting();
        MemoizingPayloadValidator v = new MemoizingPayloadValidator(full);
        v.validate(channel(1), channelPayload(1, 193_000_000, "add1"));
        v.validate(channel(2), channelPayload(2, 193_075_000, "add2"));
        assertEquals(2, full.seen.size());
        // index 2 and the frequencies and ports of the first two, recombined
        v.validate(channel(2), channelPayload(2, 193_000_000, "add1"));
        v.validate(channel(1), channelPayload(1, 193_000_000, "add1"));
        assertEquals(2, full.seen.size());
    }

    @Test
    void aNewValueKindOrMemberIsValidatedInFull() {
        Counting full = new Counting();
        MemoizingPayloadValidator v = new MemoizingPayloadValidator(full);
        v.validate(channel(1), channelPayload(1, 193_000_000, "add1"));
        v.validate(channel(3), channelPayload(1, 193_000_000, "add1")); // new key value in the path
        v.validate(channel(1), channelPayload(1, 193_150_000, "add1")); // new frequency
        ObjectNode extra = channelPayload(1, 193_000_000, "add1");
        ((ObjectNode) IetfJson.member(extra, "config").orElseThrow()).put("name", "x"); // new member
        v.validate(channel(1), extra);
        ObjectNode otherKind = channelPayload(1, 193_000_000, "add1");
        ((ObjectNode) IetfJson.member(otherKind, "config").orElseThrow()).put("index", "1"); // a string where a number was
        v.validate(channel(1), otherKind);
        assertEquals(5, full.seen.size());
    }

    @Test
    void refusedPayloadsAreNeverRemembered() {
        Counting full = new Counting();
        MemoizingPayloadValidator v = new MemoizingPayloadValidator(full);
        Path leaf = TerminalDeviceMapping.logicalChannelAdminState(1);
        v.validate(leaf, TextNode.valueOf("ENABLED"));
        assertThrows(IllegalArgumentException.class, () -> v.validate(leaf, TextNode.valueOf("bad")));
        assertThrows(IllegalArgumentException.class, () -> v.validate(leaf, TextNode.valueOf("bad")));
        v.validate(leaf, TextNode.valueOf("ENABLED"));
        assertEquals(3, full.seen.size());
    }

    @Test
    void theYangValidatorStillRefusesAnInvalidValueAtAKnownPosition() {
        YangPayloadValidator yang = YangPayloadValidator.bundled();
        Path leaf = TerminalDeviceMapping.logicalChannelAdminState(1);
        yang.validate(leaf, TextNode.valueOf("ENABLED"));
        yang.validate(leaf, TextNode.valueOf("ENABLED"));
        assertThrows(IllegalArgumentException.class, () -> yang.validate(leaf, TextNode.valueOf("SOMETIMES")));
        Path frequency = TerminalDeviceMapping.configLeaf("line1", "frequency");
        yang.validate(frequency, IetfJson.int64(193_100_000));
        assertThrows(IllegalArgumentException.class, () -> yang.validate(frequency, TextNode.valueOf("1e9x")));
    }
}
