package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import org.junit.jupiter.api.Test;

/** The driver's payloads checked by the yang module's codec, and bad ones refused. */
class YangPayloadValidatorTest {

    private static final YangPayloadValidator VALIDATOR = YangPayloadValidator.bundled();

    @Test
    void payloadsTheDriverBuildsAreValid() {
        assertDoesNotThrow(() -> VALIDATOR.validate(TerminalDeviceMapping.configLeaf("line1", "frequency"),
                IetfJson.int64(193_100_000)));
        assertDoesNotThrow(() -> VALIDATOR.validate(TerminalDeviceMapping.configLeaf("line1", "target-output-power"),
                IetfJson.decimal64(-1.5, 2)));
        assertDoesNotThrow(() -> VALIDATOR.validate(TerminalDeviceMapping.logicalChannelAdminState(1),
                TextNode.valueOf("DISABLED")));
        assertDoesNotThrow(() -> VALIDATOR.validate(WavelengthRouterMapping.channel(7), WavelengthRouterMapping
                .encode(new MediaChannel(7, 193_000_000, 193_050_000, "add1", "east", 0))));
        assertDoesNotThrow(() -> VALIDATOR.validate(OpticalSwitchMapping.crossConnect("p1"),
                OpticalSwitchMapping.encode(new CrossConnect("p1", "p2"))));
    }

    @Test
    void schemaViolationsAreRefusedWithTheNodeNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validate(
                TerminalDeviceMapping.configLeaf("line1", "frequency"), TextNode.valueOf("not-a-number")));
        assertTrue(e.getMessage().contains("frequency"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validate(
                TerminalDeviceMapping.configLeaf("line1", "operational-mode"), IntNode.valueOf(70_000)));
        assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validate(
                TerminalDeviceMapping.logicalChannelAdminState(1), TextNode.valueOf("SOMETIMES")));
        assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validate(
                GnmiPaths.parse("/optical-switch/no-such-container"), IetfJson.object()));
    }
}
