package io.lightpath.southbound.emulator.topology;

import java.util.Objects;

/**
 * A port of a device, written {@code device:port} in lab files.
 *
 * @param device device name
 * @param port port name on that device
 */
public record PortRef(String device, String port) {
  public PortRef {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(port, "port");
  }

  /** Parses {@code device:port}; the port name may not be empty. */
  public static PortRef parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("port reference must be device:port, got '" + text + "'");
    }
    return new PortRef(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return device + ":" + port;
  }
}
