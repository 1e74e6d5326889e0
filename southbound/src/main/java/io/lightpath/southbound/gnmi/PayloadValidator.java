package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Path;

/**
 * Checks a payload against the device's YANG schema before it is sent.
 */
@FunctionalInterface
public interface PayloadValidator {

    /** Accepts everything; for devices whose schema is not known to the controller. */
    PayloadValidator NONE = (path, value) -> { };

    /**
     * @throws IllegalArgumentException with a message naming the offending node when {@code value} is not valid
     *     data for the schema node at {@code path}
     */
    void validate(Path path, JsonNode value);
}
