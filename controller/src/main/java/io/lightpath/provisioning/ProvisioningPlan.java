package io.lightpath.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Device configuration for a list of channels, grouped into the two ordered stages of the
 * provisioning contract.
 *
 * @param ops every change, in route order per channel
 * @param ends the two transponder line ports of each channel, in the channels' order
 */
public record ProvisioningPlan(List<DeviceOp> ops, List<ChannelEnds> ends) {

  public ProvisioningPlan {
    ops = List.copyOf(new LinkedHashSet<>(ops)); // channels sharing a cross-connect need it once
    ends = List.copyOf(ends);
  }

  /**
   * Where one channel terminates: component (line port) of the transponder at each end.
   *
   * @param aNodeId transponder node at the A end
   * @param aComponent optical-channel component name at the A end
   * @param zNodeId transponder node at the Z end
   * @param zComponent optical-channel component name at the Z end
   */
  public record ChannelEnds(String aNodeId, String aComponent, String zNodeId, String zComponent) {}

  /** Stage one: OCS cross-connects and ROADM media channels, grouped by node. */
  public Map<String, List<DeviceOp>> lineStage() {
    return byNode(false);
  }

  /** Stage two: transponder optical channels, grouped by node. */
  public Map<String, List<DeviceOp>> transponderStage() {
    return byNode(true);
  }

  private Map<String, List<DeviceOp>> byNode(boolean transponders) {
    Map<String, List<DeviceOp>> out = new LinkedHashMap<>();
    for (DeviceOp op : ops) {
      if ((op instanceof DeviceOp.TuneTransponder) == transponders) {
        out.computeIfAbsent(op.nodeId(), n -> new ArrayList<>()).add(op);
      }
    }
    return out;
  }
}
