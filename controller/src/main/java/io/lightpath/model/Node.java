package io.lightpath.model;

import java.util.List;
import java.util.Map;

/**
 * A network element.
 *
 * @param id unique identifier
 * @param siteId site the node sits in, or empty
 * @param kind what the node does to light
 * @param ports the node's ports
 * @param nodeDelayUs delay through the node in microseconds
 * @param insertionLossDb insertion loss through the node in dB
 * @param transceiverCounts installed transceivers by catalog type (TRANSPONDER nodes)
 */
public record Node(
    String id,
    String siteId,
    NodeKind kind,
    List<Port> ports,
    double nodeDelayUs,
    double insertionLossDb,
    Map<String, Integer> transceiverCounts) {

  public Node {
    ports = List.copyOf(ports);
    transceiverCounts = Map.copyOf(transceiverCounts);
  }
}
