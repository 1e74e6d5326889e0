package io.lightpath.service;

import io.lightpath.api.TopologyHolder;
import io.lightpath.api.TopologyMapper;
import io.lightpath.model.Topology;
import io.lightpath.pce.PathComputer;
import io.lightpath.pce.PceConfig;
import io.lightpath.pce.ResourceLedger;
import io.lightpath.qot.QotEstimator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Path computation over the current topology: converts the API topology to the domain model once
 * per etag and keeps one {@link PathComputer} per QoT margin, all sharing one {@link
 * ResourceLedger} (so every service's reservation is seen by every computation). Thread-safe.
 */
@Singleton
public final class PathEngine {
  private final TopologyHolder holder;
  private final QotEstimator qot;
  private final PceConfig config;
  private final ResourceLedger ledger;
  private final Map<Double, PathComputer> byMargin = new HashMap<>();
  private String etag;
  private Topology topology;

  @Inject
  public PathEngine(TopologyHolder holder, QotEstimator qot, PceConfig config, ResourceLedger ledger) {
    this.holder = holder;
    this.qot = qot;
    this.config = config;
    this.ledger = ledger;
  }

  public ResourceLedger ledger() {
    return ledger;
  }

  public PceConfig config() {
    return config;
  }

  /** The domain topology of the current etag. */
  public synchronized Topology topology() {
    refresh();
    return topology;
  }

  /** The computer for the current topology with the default margin. */
  public PathComputer computer() {
    return computer(config.qotMarginDb());
  }

  /** The computer for the current topology with {@code marginDb} over each mode's threshold. */
  public synchronized PathComputer computer(double marginDb) {
    refresh();
    return byMargin.computeIfAbsent(marginDb,
        m -> new PathComputer(topology, qot, config.withQotMarginDb(m), ledger));
  }

  private void refresh() {
    io.lightpath.proto.v1.Topology current = holder.current();
    if (!current.getEtag().equals(etag)) {
      topology = TopologyMapper.toDomain(current);
      etag = current.getEtag();
      byMargin.values().forEach(c -> c.updateTopology(topology));
    }
  }
}
