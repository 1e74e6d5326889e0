package io.lightpath.southbound.emulator.device;

/**
 * A YANG module a device implements, as reported by gNMI Capabilities.
 *
 * @param name module name
 * @param organization publishing organization
 * @param version module version (OpenConfig semantic version or revision date)
 */
public record ModelInfo(String name, String organization, String version) {
  /** An OpenConfig module. */
  static ModelInfo openconfig(String name, String version) {
    return new ModelInfo(name, "OpenConfig working group", version);
  }
}
