package io.lightpath.sim;

import io.lightpath.model.Topology;
import io.lightpath.model.TopologyIndex;
import io.lightpath.pce.KShortestPaths;
import io.lightpath.pce.PathMetric;
import io.lightpath.pce.Route;
import io.lightpath.spectrum.PathOrder;
import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SlotSelector;
import io.lightpath.spectrum.SpectrumPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dynamic RWA/RSA blocking benchmark: Poisson arrivals, exponential holding times, uniform
 * random unordered node pairs, one spectrum per undirected link, k precomputed candidate routes
 * per pair, and a spectrum policy from {@link SpectrumPolicy} with a {@link PathOrder}.
 *
 * <p>Built for speed: candidate routes are fiber-index arrays computed once per topology; the
 * spectrum is one {@code long[]} bitset per fiber; the event loop reuses its arrays (departure heap,
 * connection pool, scratch masks) and allocates nothing per request. Not thread-safe: one run per
 * instance at a time.
 */
public final class BlockingSimulator {

  /**
   * Benchmark settings.
   *
   * @param slots spectrum units per link ("wavelengths")
   * @param k candidate routes per pair
   * @param metric route ranking
   * @param policy spectrum policy
   * @param order route/spectrum search order
   * @param loadErlang offered load: arrival rate × mean holding time
   * @param meanHolding mean holding time (arrival rate is loadErlang / meanHolding)
   * @param warmup arrivals simulated before counting
   * @param requests arrivals counted
   * @param slotDemands each request needs one of these (uniformly), in slots
   */
  public record Settings(int slots, int k, PathMetric metric, SpectrumPolicy policy,
      PathOrder order, double loadErlang, double meanHolding, int warmup, int requests,
      int[] slotDemands) {
    public Settings {
      if (slots < 1 || k < 1) {
        throw new IllegalArgumentException("wavelengths and k must be at least 1");
      }
      if (!(loadErlang > 0) || !(meanHolding > 0)) {
        throw new IllegalArgumentException("load and holding time must be positive");
      }
      if (warmup < 0 || requests < 1 || slotDemands.length == 0) {
        throw new IllegalArgumentException(
            "need warmup >= 0, requests >= 1 and at least one slot demand");
      }
      for (int d : slotDemands) {
        if (d < 1 || d > slots) {
          throw new IllegalArgumentException("slot demand " + d + " outside 1.." + slots);
        }
      }
      slotDemands = slotDemands.clone();
    }
  }

  /**
   * Result of one run.
   *
   * @param blocked counted requests that were blocked
   * @param counted counted requests
   * @param simulated all arrivals, warm-up included
   */
  public record RunResult(long blocked, long counted, long simulated) {
    public double blockingProbability() {
      return counted == 0 ? 0 : (double) blocked / counted;
    }
  }

  private final Settings settings;
  private final int nodes;
  private final int fibers;
  private final int words;
  /** Candidate routes of pair p are {@code routes[p * k .. p * k + routeCount[p])}. */
  private final int[][] routes;
  private final int[] routeCount;
  private final long[][] occupancy;
  private final long[] valid;
  private final long[] free;
  private final int[] usage;
  private SlotSelector selector;

  // connection pool and departure heap, grown on demand and reused across requests
  private int[] connRoute = new int[1024];
  private int[] connStart = new int[1024];
  private int[] connCount = new int[1024];
  private int[] freeConns = new int[1024];
  private int freeConnTop;
  private int connHigh;
  private double[] heapTime = new double[1024];
  private int[] heapConn = new int[1024];
  private int heapSize;

  public BlockingSimulator(Topology topology, Settings settings) {
    this.settings = settings;
    TopologyIndex index = topology.index();
    this.nodes = index.nodeCount();
    this.fibers = index.fiberCount();
    this.words = SlotBits.words(settings.slots());
    int k = settings.k();
    int pairs = nodes * (nodes - 1) / 2;
    this.routes = new int[pairs * k][];
    this.routeCount = new int[pairs];
    for (int a = 0; a < nodes; a++) {
      for (int z = a + 1; z < nodes; z++) {
        int p = pairIndex(a, z);
        List<Route> rs = KShortestPaths.find(index, a, z, k, settings.metric());
        routeCount[p] = rs.size();
        for (int i = 0; i < rs.size(); i++) {
          routes[p * k + i] = rs.get(i).fibers();
        }
      }
    }
    this.occupancy = new long[fibers][words];
    this.valid = SlotBits.validMask(settings.slots());
    this.free = new long[words];
    this.usage = new int[settings.slots()];
  }

  private int pairIndex(int a, int z) {
    // a < z; row-major upper triangle
    return a * nodes - a * (a + 1) / 2 + (z - a - 1);
  }

  /** Runs one replication with its own seed; state is reset first. */
  public RunResult run(long seed) {
    for (long[] o : occupancy) {
      Arrays.fill(o, 0);
    }
    Arrays.fill(usage, 0);
    heapSize = 0;
    freeConnTop = 0;
    connHigh = 0;
    SplittableRandom rnd = new SplittableRandom(seed);
    selector = new SlotSelector(settings.slots(), rnd.split());
    double rate = settings.loadErlang() / settings.meanHolding();
    double now = 0;
    long blocked = 0;
    long total = (long) settings.warmup() + settings.requests();
    int[] demands = settings.slotDemands();
    for (long i = 0; i < total; i++) {
      now += -Math.log(1 - rnd.nextDouble()) / rate;
      while (heapSize > 0 && heapTime[0] <= now) {
        release(popDeparture());
      }
      int a = rnd.nextInt(nodes);
      int z = rnd.nextInt(nodes - 1);
      if (z >= a) {
        z++;
      }
      int pair = a < z ? pairIndex(a, z) : pairIndex(z, a);
      int demand = demands.length == 1 ? demands[0] : demands[rnd.nextInt(demands.length)];
      double holding = -Math.log(1 - rnd.nextDouble()) * settings.meanHolding();
      if (!admit(pair, demand, now + holding, rnd) && i >= settings.warmup()) {
        blocked++;
      }
    }
    return new RunResult(blocked, settings.requests(), total);
  }

  private boolean admit(int pair, int demand, double departure, SplittableRandom rnd) {
    int k = settings.k();
    int n = routeCount[pair];
    SpectrumPolicy policy = settings.policy();
    int[] usageOrNull = policy.needsUsage() ? usage : null;
    int bestRoute = -1;
    int bestStart = -1;
    long bestScore = Long.MAX_VALUE;
    long seen = 0;
    for (int r = 0; r < n; r++) {
      int[] path = routes[pair * k + r];
      freeAlong(path);
      int s = selector.choose(policy, free, demand, usageOrNull);
      if (s < 0) {
        continue;
      }
      if (settings.order() == PathOrder.KSP) {
        bestRoute = r;
        bestStart = s;
        break;
      }
      if (policy == SpectrumPolicy.RANDOM) {
        seen += selector.lastCandidates();
        if (rnd.nextLong(seen) < selector.lastCandidates()) {
          bestRoute = r;
          bestStart = s;
        }
      } else if (selector.lastScore() < bestScore) {
        bestScore = selector.lastScore();
        bestRoute = r;
        bestStart = s;
      }
    }
    if (bestRoute < 0) {
      return false;
    }
    int route = pair * k + bestRoute;
    occupy(routes[route], bestStart, demand, true);
    int c = newConnection();
    connRoute[c] = route;
    connStart[c] = bestStart;
    connCount[c] = demand;
    pushDeparture(departure, c);
    return true;
  }

  private void freeAlong(int[] path) {
    long[] f = free;
    for (int w = 0; w < words; w++) {
      long used = 0;
      for (int fiber : path) {
        used |= occupancy[fiber][w];
      }
      f[w] = valid[w] & ~used;
    }
  }

  private void occupy(int[] path, int start, int count, boolean on) {
    int end = start + count;
    for (int fiber : path) {
      if (on) {
        SlotBits.set(occupancy[fiber], start, end);
      } else {
        SlotBits.clear(occupancy[fiber], start, end);
      }
    }
    int delta = on ? path.length : -path.length;
    for (int s = start; s < end; s++) {
      usage[s] += delta;
    }
  }

  private void release(int c) {
    occupy(routes[connRoute[c]], connStart[c], connCount[c], false);
    if (freeConnTop == freeConns.length) {
      freeConns = Arrays.copyOf(freeConns, freeConnTop * 2);
    }
    freeConns[freeConnTop++] = c;
  }

  private int newConnection() {
    if (freeConnTop > 0) {
      return freeConns[--freeConnTop];
    }
    if (connHigh == connRoute.length) {
      int n = connHigh * 2;
      connRoute = Arrays.copyOf(connRoute, n);
      connStart = Arrays.copyOf(connStart, n);
      connCount = Arrays.copyOf(connCount, n);
    }
    return connHigh++;
  }

  private void pushDeparture(double time, int conn) {
    if (heapSize == heapTime.length) {
      heapTime = Arrays.copyOf(heapTime, heapSize * 2);
      heapConn = Arrays.copyOf(heapConn, heapSize * 2);
    }
    int i = heapSize++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heapTime[p] <= time) {
        break;
      }
      heapTime[i] = heapTime[p];
      heapConn[i] = heapConn[p];
      i = p;
    }
    heapTime[i] = time;
    heapConn[i] = conn;
  }

  private int popDeparture() {
    int top = heapConn[0];
    int last = --heapSize;
    if (last > 0) {
      double t = heapTime[last];
      int c = heapConn[last];
      int i = 0;
      while (true) {
        int ch = 2 * i + 1;
        if (ch >= last) {
          break;
        }
        if (ch + 1 < last && heapTime[ch + 1] < heapTime[ch]) {
          ch++;
        }
        if (heapTime[ch] >= t) {
          break;
        }
        heapTime[i] = heapTime[ch];
        heapConn[i] = heapConn[ch];
        i = ch;
      }
      heapTime[i] = t;
      heapConn[i] = c;
    }
    return top;
  }

  /** Slots in use over all fibers right now (for invariant checks). */
  long usedSlotFiberPairs() {
    long n = 0;
    for (long[] o : occupancy) {
      n += SlotBits.cardinality(o, words);
    }
    return n;
  }

  /** Sum of the usage counters; equals {@link #usedSlotFiberPairs()} when consistent. */
  long usageTotal() {
    long n = 0;
    for (int u : usage) {
      n += u;
    }
    return n;
  }
}
