package io.lightpath.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightpath.cli.OutputFormat;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathMetric;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightpath sim}: replays the dynamic-RWA blocking benchmark on a topology file and prints
 * the blocking probability (mean ± sample standard deviation over seeds) and the simulation
 * speed.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Dynamic RWA/RSA blocking simulation: Poisson arrivals, exponential holding,"
        + " uniform node pairs, k precomputed routes, one spectrum per undirected link.")
public final class SimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--topology", required = true,
      description = "Topology JSON ({\"nodes\":[{\"id\"}],\"links\":[{\"source\",\"target\","
          + "\"length_km\"}]}) or builtin:mesh6 / builtin:ring<N>")
  String topology;

  @Option(names = "--load", required = true, description = "Offered load in Erlang")
  double loadErlang;

  @Option(names = "--wavelengths", defaultValue = "40",
      description = "Spectrum units per link (default ${DEFAULT-VALUE})")
  int wavelengths;

  @Option(names = "--k", defaultValue = "5", description = "Candidate routes (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--path-order", defaultValue = "hops",
      description = "Route ranking: hops or km (default ${DEFAULT-VALUE})")
  String pathOrder;

  @Option(names = "--policy", defaultValue = "default",
      description = "default or <ksp|across>-<ff|lf|random|mu|lu|bf> (default ${DEFAULT-VALUE})")
  String policy;

  @Option(names = "--requests", defaultValue = "100000",
      description = "Counted arrivals per seed (default ${DEFAULT-VALUE})")
  int requests;

  @Option(names = "--warmup", defaultValue = "3000",
      description = "Uncounted arrivals before counting (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--seeds", defaultValue = "10",
      description = "Independent replications, seeds 1..N (default ${DEFAULT-VALUE})")
  int seeds;

  @Option(names = "--holding", defaultValue = "10",
      description = "Mean holding time (default ${DEFAULT-VALUE})")
  double meanHolding;

  @Option(names = "--slot-demand", split = ",", defaultValue = "1",
      description = "Slots per request, chosen uniformly from this list (default ${DEFAULT-VALUE})")
  int[] slotDemand;

  @Option(names = {"-o", "--output"}, defaultValue = "table", converter = OutputFormat.Converter.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}): table prints the"
          + " result in three lines, json one object.")
  OutputFormat output;

  /** Runs the command on its own (until it is registered under {@code bin/lightpath}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new SimCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PathMetric metric;
    PolicyName pn;
    Topology topo;
    try {
      metric = switch (pathOrder) {
        case "hops" -> PathMetric.HOPS;
        case "km" -> PathMetric.KM;
        default -> throw new IllegalArgumentException(
            "--path-order must be hops or km, not " + pathOrder);
      };
      if (seeds < 1) {
        throw new IllegalArgumentException("--seeds must be at least 1");
      }
      pn = PolicyName.parse(policy);
      topo = SimTopology.load(topology);
    } catch (Exception e) {
      err.println("error: sim: " + e.getMessage());
      return 2;
    }
    BlockingSimulator.Settings settings;
    try {
      settings = new BlockingSimulator.Settings(wavelengths, k, metric, pn.policy(), pn.order(),
          loadErlang, meanHolding, warmup, requests, slotDemand);
    } catch (IllegalArgumentException e) {
      err.println("error: sim: " + e.getMessage());
      return 2;
    }
    BlockingSimulator sim = new BlockingSimulator(topo, settings);
    double[] blocking = new double[seeds];
    long simulated = 0;
    long t0 = System.nanoTime();
    for (int s = 0; s < seeds; s++) {
      BlockingSimulator.RunResult r = sim.run(s + 1);
      blocking[s] = r.blockingProbability();
      simulated += r.simulated();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double mean = 0;
    for (double b : blocking) {
      mean += b / seeds;
    }
    double var = 0;
    for (double b : blocking) {
      var += (b - mean) * (b - mean);
    }
    double sd = seeds > 1 ? Math.sqrt(var / (seeds - 1)) : 0;
    double rps = simulated / seconds;
    if (output == OutputFormat.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("blocking_mean", mean);
      o.put("blocking_sd", sd);
      o.put("requests_per_s", rps);
      o.put("topology", topology);
      o.put("nodes", topo.nodes().size());
      o.put("links", topo.fibers().size());
      o.put("load_erlang", loadErlang);
      o.put("wavelengths", wavelengths);
      o.put("k", k);
      o.put("path_order", pathOrder);
      o.put("policy", pn.toString());
      o.put("requests", requests);
      o.put("warmup", warmup);
      o.put("seeds", seeds);
      o.put("slot_demand", slotDemand);
      o.put("blocking_per_seed", blocking);
      o.put("simulated_requests", simulated);
      o.put("elapsed_s", seconds);
      out.println(new ObjectMapper().writeValueAsString(o));
    } else {
      out.printf("topology %s: %d nodes, %d links; load %.1f Erlang, %d wavelengths, k=%d by %s,"
              + " policy %s%n", topology, topo.nodes().size(), topo.fibers().size(), loadErlang,
          wavelengths, k, pathOrder, pn);
      out.printf("blocking probability: %.5f ± %.5f (%.3f %% ± %.3f %%) over %d seeds of %d"
          + " requests%n", mean, sd, mean * 100, sd * 100, seeds, requests);
      out.printf("speed: %.0f requests/s (%d simulated in %.2f s)%n", rps, simulated, seconds);
    }
    out.flush();
    return 0;
  }
}
