package io.lightpath.demo;

import io.lightpath.proto.v1.Endpoint;
import io.lightpath.proto.v1.LineRate;
import io.lightpath.proto.v1.Service;
import io.lightpath.southbound.emulator.topology.DeviceRole;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import io.lightpath.southbound.emulator.topology.FiberSpec;
import io.lightpath.southbound.emulator.topology.LabTopology;
import io.lightpath.southbound.emulator.topology.PortRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated emulated lab for {@code lightpath bench} against devices: {@code sites} ROADMs in a
 * ring of 30 km fibers, each site with transponders of {@value #PORTS_PER_TP} line ports, every
 * line port patched to its own ROADM add port. Service {@code i} joins a free transponder port at
 * site {@code i mod sites} to one at the next site, at 400G ({@value #TRANSCEIVER_TYPE}, 75 GHz),
 * so each ring hop carries {@code services / sites} channels (at most 64 fit in the C band).
 */
final class BenchLab {
  static final int PORTS_PER_TP = 8;
  static final String TRANSCEIVER_TYPE = "400ZR";

  private final int sites;
  private final int tpPerSite;

  /** A lab with enough transponder ports for {@code services} services over {@code sites} sites. */
  BenchLab(int sites, int services) {
    if (sites < 3) {
      throw new IllegalArgumentException("--sites must be at least 3, got " + sites);
    }
    this.sites = sites;
    // each site is the A end of services/sites services and the Z end of as many: a half of the
    // transponders for each role, each half with a port for every service of its role
    int servicesPerSite = (services + sites - 1) / sites;
    this.tpPerSite = 2 * Math.max(1, (servicesPerSite + PORTS_PER_TP - 1) / PORTS_PER_TP);
  }

  LabTopology topology() {
    List<DeviceSpec> devices = new ArrayList<>();
    List<FiberSpec> fibers = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      List<String> roadmPorts = new ArrayList<>(List.of("east", "west"));
      for (int t = 0; t < tpPerSite; t++) {
        List<String> ports = new ArrayList<>();
        for (int p = 0; p < PORTS_PER_TP; p++) {
          ports.add("line" + p);
          String add = "add" + t + "-" + p;
          roadmPorts.add(add);
          fibers.add(new FiberSpec(tp(s, t) + "-" + p, new PortRef(tp(s, t), "line" + p),
              new PortRef(roadm(s), add), 0.01, 0.5));
        }
        devices.add(DeviceSpec.of(tp(s, t), DeviceRole.TRANSPONDER, site(s), ports));
      }
      devices.add(DeviceSpec.of(roadm(s), DeviceRole.ROADM, site(s), roadmPorts));
    }
    for (int s = 0; s < sites; s++) {
      int next = (s + 1) % sites;
      fibers.add(new FiberSpec(site(s) + "-" + site(next), new PortRef(roadm(s), "east"),
          new PortRef(roadm(next), "west"), 30, 30 * FiberSpec.DEFAULT_ATTENUATION_DB_PER_KM));
    }
    return new LabTopology("bench-" + sites, devices, fibers);
  }

  /**
   * Service {@code i}: from the A-side transponders of site {@code i mod sites} to the Z-side
   * transponders of the next site; transponders are chosen round-robin so their ports fill evenly.
   */
  Service service(int i) {
    int s = i % sites;
    int round = i / sites;
    int half = tpPerSite / 2;
    int ta = round % half;
    int tz = half + round % half;
    return Service.newBuilder()
        .setDisplayName("bench " + i)
        .setAEnd(Endpoint.newBuilder().setNodeId(tp(s, ta)))
        .setZEnd(Endpoint.newBuilder().setNodeId(tp((s + 1) % sites, tz)))
        .setRate(LineRate.LINE_RATE_400G)
        .build();
  }

  String describe() {
    return sites + " sites in a ROADM ring, " + tpPerSite + " transponders of " + PORTS_PER_TP
        + " ports per site, " + (sites * (tpPerSite + 1)) + " emulated devices";
  }

  private static String site(int s) {
    return "site" + s;
  }

  private static String roadm(int s) {
    return "roadm" + s;
  }

  private static String tp(int s, int t) {
    return "tp" + s + "-" + t;
  }
}
