package io.lightpath.demo;

import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.LabTopologyFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo's lab: six metro sites with OCS, ROADMs and transponders (six-site-demo.yaml). */
public final class DemoLab {
  /** Classpath resource of the lab file. */
  public static final String RESOURCE = "/io/lightpath/demo/six-site-demo.yaml";

  private DemoLab() {}

  /** Parses the bundled demo lab file. */
  public static LabTopology topology() {
    try (InputStream in = DemoLab.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return LabTopologyFile.read(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
