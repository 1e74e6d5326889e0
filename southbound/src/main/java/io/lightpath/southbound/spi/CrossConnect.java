package io.lightpath.southbound.spi;

/**
 * An optical circuit switch cross-connect: all light entering {@code inputPort} leaves on {@code outputPort}.
 * An input port carries at most one cross-connect.
 *
 * @param inputPort name of the input port
 * @param outputPort name of the output port; different from the input port
 */
public record CrossConnect(String inputPort, String outputPort) {

    public CrossConnect {
        OpticalChannelConfig.requireName(inputPort, "inputPort");
        OpticalChannelConfig.requireName(outputPort, "outputPort");
        if (inputPort.equals(outputPort)) {
            throw new IllegalArgumentException("inputPort and outputPort must differ: " + inputPort);
        }
    }
}
