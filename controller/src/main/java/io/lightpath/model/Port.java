package io.lightpath.model;

/**
 * A port of a node.
 *
 * @param id identifier unique within its node
 * @param role how the port is used
 */
public record Port(String id, PortRole role) {

  /** How a port is used. */
  public enum PortRole {
    LINE,
    CLIENT,
    ADD_DROP,
    UNSPECIFIED
  }
}
