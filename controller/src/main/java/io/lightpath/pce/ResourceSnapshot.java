package io.lightpath.pce;

import io.lightpath.spectrum.SlotBits;
import io.lightpath.spectrum.SlotRange;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;

/**
 * An immutable view of what is in use: slot occupancy per fiber (bit set = slot used), OCS
 * cross-connects, transceivers and ports (ROADM add/drop ports, transponder line ports).
 * Computations read one snapshot without locks; the {@link ResourceLedger} installs a new one for
 * every change, so a snapshot never changes under a reader. The maps are persistent (PCollections
 * hash tries): the next snapshot shares everything but the entries a reservation touched, so a
 * reservation costs O(its size × log of the state), not a copy of the state. The {@code long[]}
 * arrays are never written after publication.
 */
public final class ResourceSnapshot {
  private final int words;
  private final long version;
  private final HashPMap<String, long[]> occupancy;
  private final HashPMap<String, String> crossConnectPeer;
  private final HashPMap<String, Integer> crossConnectRefs;
  private final HashPMap<String, Integer> transceiversUsed;
  private final HashPMap<String, Boolean> portsUsed;
  private final long[] empty;
  private final int[] usage;

  ResourceSnapshot(
      int words,
      long version,
      HashPMap<String, long[]> occupancy,
      HashPMap<String, String> crossConnectPeer,
      HashPMap<String, Integer> crossConnectRefs,
      HashPMap<String, Integer> transceiversUsed,
      HashPMap<String, Boolean> portsUsed,
      int[] usage) {
    this.words = words;
    this.version = version;
    this.occupancy = occupancy;
    this.crossConnectPeer = crossConnectPeer;
    this.crossConnectRefs = crossConnectRefs;
    this.transceiversUsed = transceiversUsed;
    this.portsUsed = portsUsed;
    this.usage = usage;
    this.empty = new long[words];
  }

  /** Increases by one with every successful reserve or release. */
  public long version() {
    return version;
  }

  /** Occupancy bits of a fiber; all clear when nothing was ever reserved on it. Read only. */
  public long[] occupancy(String fiberId) {
    long[] o = occupancy.get(fiberId);
    return o == null ? empty : o;
  }

  /** Whether every slot of {@code range} is free on the fiber. */
  public boolean isFree(String fiberId, SlotRange range) {
    return !SlotBits.anySet(occupancy(fiberId), range.first(), range.end());
  }

  /** Number of used slots on a fiber. */
  public int usedSlots(String fiberId) {
    return SlotBits.cardinality(occupancy(fiberId), words);
  }

  /** The fiber an OCS has joined to {@code fiberId}, or {@code null} when its port is free. */
  public String crossConnectPeer(String ocsNodeId, String fiberId) {
    return crossConnectPeer.get(key(ocsNodeId, fiberId));
  }

  /** Transceivers of {@code type} in use at a node. */
  public int transceiversUsed(String nodeId, String type) {
    return transceiversUsed.getOrDefault(key(nodeId, type), 0);
  }

  /** An empty snapshot (version 0) for a grid of {@code words} 64-slot words and {@code slots} slots. */
  static ResourceSnapshot empty(int words, int slots) {
    return new ResourceSnapshot(words, 0, HashTreePMap.empty(), HashTreePMap.empty(),
        HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), new int[slots]);
  }

  /** Whether a port (a ROADM's add/drop port or a transponder's line port) is in use. */
  public boolean portInUse(String nodeId, String portId) {
    return portsUsed.containsKey(key(nodeId, portId));
  }

  /**
   * Per slot, how many fibers use it (for MOST_USED / LEAST_USED). Kept up to date by the ledger
   * with every reservation, so reading it costs nothing. Read only.
   */
  public int[] slotUsage() {
    return usage;
  }

  int words() {
    return words;
  }

  HashPMap<String, long[]> occupancyMap() {
    return occupancy;
  }

  HashPMap<String, String> crossConnectPeerMap() {
    return crossConnectPeer;
  }

  HashPMap<String, Integer> crossConnectRefMap() {
    return crossConnectRefs;
  }

  HashPMap<String, Integer> transceiverMap() {
    return transceiversUsed;
  }

  HashPMap<String, Boolean> portMap() {
    return portsUsed;
  }

  static String key(String a, String b) {
    return a + '\u0000' + b;
  }
}
