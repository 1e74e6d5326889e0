package io.lightpath.reconcile;

import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.OpticalChannelConfig;

/** One device change that brings a device closer to what the services need. */
sealed interface Fix {

  /** Creates or replaces a ROADM media channel (the index is chosen against the read channels). */
  record ConfigureMediaChannel(MediaChannel channel) implements Fix {}

  /** Deletes a ROADM media channel. */
  record RemoveMediaChannel(int index) implements Fix {}

  /** Sets an OCS cross-connect (replacing any other output of its input port). */
  record Connect(CrossConnect crossConnect) implements Fix {}

  /** Removes the OCS cross-connect on an input port. */
  record Disconnect(String inputPort) implements Fix {}

  /** Applies a transponder optical channel's frequency, power, mode and admin state. */
  record ConfigureOpticalChannel(OpticalChannelConfig config) implements Fix {}
}
