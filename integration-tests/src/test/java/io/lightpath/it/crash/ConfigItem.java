package io.lightpath.it.crash;

/**
 * One item of service configuration on a device, in a form both the emulator's committed config
 * and a service's channel map to, so the two can be compared as multisets. Cross-connects are
 * stored with their two ports in sorted order: an OCS cross-connect passes light both ways, so
 * which end the provisioner called the input is not part of the service's meaning.
 *
 * @param device lab device name
 * @param text the item, e.g. {@code tuning line1 193100000}, {@code media 193050000..193125000
 *     add1->east}, {@code xc p1<->p3}
 */
public record ConfigItem(String device, String text) implements Comparable<ConfigItem> {

  static ConfigItem tuning(String device, String port, long frequencyMhz) {
    return new ConfigItem(device, "tuning " + port + " " + frequencyMhz);
  }

  static ConfigItem mediaChannel(String device, long lowerMhz, long upperMhz, String source, String dest,
      boolean enabled) {
    return new ConfigItem(device, "media " + lowerMhz + ".." + upperMhz + " " + source + "->" + dest
        + (enabled ? "" : " (disabled)"));
  }

  static ConfigItem crossConnect(String device, String portA, String portB) {
    boolean ordered = portA.compareTo(portB) <= 0;
    return new ConfigItem(device, "xc " + (ordered ? portA : portB) + "<->" + (ordered ? portB : portA));
  }

  @Override
  public int compareTo(ConfigItem o) {
    int c = device.compareTo(o.device);
    return c != 0 ? c : text.compareTo(o.text);
  }

  @Override
  public String toString() {
    return device + ": " + text;
  }
}
