package io.lightpath.pce;

import io.lightpath.model.NodeKind;
import io.lightpath.model.TopologyIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Which fibers the OCSs can join, for one computation: the cross-connects of the snapshot plus
 * those planned by earlier channels of the same result (a bundle's members on one route pass the
 * same OCS). A cross-connect carries every frequency, so while a fiber's OCS port is joined to one
 * fiber it can join no other; sharing that same join is fine (the ledger counts its users).
 * Confined to one computation.
 */
final class OcsJoints {
  private final TopologyIndex index;
  private final ResourceSnapshot snapshot;
  private final Map<String, String> planned = new HashMap<>();

  OcsJoints(TopologyIndex index, ResourceSnapshot snapshot) {
    this.index = index;
    this.snapshot = snapshot;
  }

  boolean isOcs(int node) {
    return index.node(node).kind() == NodeKind.OCS;
  }

  /** Whether OCS {@code node} can join fibers {@code a} and {@code b} (indexes). */
  boolean canJoin(int node, int a, int b) {
    String ocs = index.node(node).id();
    String fa = index.fiber(a).id();
    String fb = index.fiber(b).id();
    String pa = peer(ocs, fa);
    String pb = peer(ocs, fb);
    return (pa == null || pa.equals(fb)) && (pb == null || pb.equals(fa));
  }

  /** Whether OCS {@code node} can join fiber {@code a} to any of {@code others}. */
  boolean canJoinAny(int node, int a, int[] others) {
    for (int b : others) {
      if (canJoin(node, a, b)) {
        return true;
      }
    }
    return false;
  }

  /** Records the join of {@code a} and {@code b} at {@code node} made by a channel of the result. */
  void plan(int node, int a, int b) {
    String ocs = index.node(node).id();
    String fa = index.fiber(a).id();
    String fb = index.fiber(b).id();
    planned.put(ResourceSnapshot.key(ocs, fa), fb);
    planned.put(ResourceSnapshot.key(ocs, fb), fa);
  }

  private String peer(String ocs, String fiberId) {
    String p = planned.get(ResourceSnapshot.key(ocs, fiberId));
    return p != null ? p : snapshot.crossConnectPeer(ocs, fiberId);
  }
}
