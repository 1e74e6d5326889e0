package io.lightpath.southbound.emulator.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads lab topology files (YAML, or JSON which is valid YAML) into a {@link LabTopology}.
 * The format is documented in docs/lab.md. Unknown fields are rejected so that typos surface.
 */
public final class LabTopologyFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private LabTopologyFile() {}

  /** Reads and validates a lab file. */
  public static LabTopology read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a lab file bundled under {@code labs/} on the classpath, e.g. {@code "tri-site.yaml"}. */
  public static LabTopology readBundled(String name) throws IOException {
    try (InputStream in = LabTopologyFile.class.getResourceAsStream("/labs/" + name)) {
      if (in == null) {
        throw new IOException("no bundled lab named " + name);
      }
      return read(in, "labs/" + name);
    }
  }

  /** Reads and validates a lab file from a stream; {@code source} names it in errors. */
  public static LabTopology read(InputStream in, String source) throws IOException {
    FileModel model = MAPPER.readValue(in, FileModel.class);
    try {
      return model.toTopology();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  /** The file's shape. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  static final class FileModel {
    public String name;
    public List<DeviceModel> devices = new ArrayList<>();
    public List<FiberModel> fibers = new ArrayList<>();

    LabTopology toTopology() {
      List<DeviceSpec> ds = new ArrayList<>();
      for (DeviceModel d : devices) {
        if (d.name == null || d.role == null) {
          throw new IllegalArgumentException("every device needs a name and a role");
        }
        DeviceRole role;
        try {
          role = DeviceRole.valueOf(d.role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "device " + d.name + ": role must be TRANSPONDER, ROADM or OCS, got " + d.role, e);
        }
        ds.add(
            new DeviceSpec(
                d.name,
                role,
                d.site,
                d.ports,
                d.launchPowerDbm == null ? DeviceSpec.DEFAULT_LAUNCH_POWER_DBM : d.launchPowerDbm,
                d.noiseFigureDb == null ? DeviceSpec.DEFAULT_NOISE_FIGURE_DB : d.noiseFigureDb));
      }
      List<FiberSpec> fs = new ArrayList<>();
      for (FiberModel f : fibers) {
        if (f.name == null) {
          throw new IllegalArgumentException("every fiber needs a name");
        }
        double lengthKm = f.lengthKm == null ? 0.0 : f.lengthKm;
        double lossDb =
            f.lossDb != null ? f.lossDb : lengthKm * FiberSpec.DEFAULT_ATTENUATION_DB_PER_KM;
        fs.add(new FiberSpec(f.name, PortRef.parse(f.a), PortRef.parse(f.b), lengthKm, lossDb));
      }
      return new LabTopology(name, ds, fs);
    }
  }

  /** A device entry. */
  static final class DeviceModel {
    public String name;
    public String role;
    public String site;
    public List<String> ports = new ArrayList<>();
    public Double launchPowerDbm;
    public Double noiseFigureDb;
  }

  /** A fiber entry. */
  static final class FiberModel {
    public String name;
    public String a;
    public String b;
    public Double lengthKm;
    public Double lossDb;
  }
}
