package io.lightpath.model;

/** What a node does to light; decides which constraints a path through it obeys. */
public enum NodeKind {
  /** Switches media channels by frequency: a path through it keeps its slot (continuity). */
  ROADM,
  /** Joins an input fiber to an output fiber whatever the frequency; constrains ports only. */
  OCS,
  /** Terminal device with transceivers, where channels start and end. */
  TRANSPONDER,
  /** In-line amplifier site; light passes straight through. */
  AMPLIFIER
}
