package io.lightpath.store.internal;

import io.lightpath.store.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/** The changes of one revision in the making. */
final class WriteBatch {
  final long revision;
  final List<WatchEvent> events = new ArrayList<>();

  WriteBatch(long revision) {
    this.revision = revision;
  }

  void add(WatchEvent event) {
    events.add(event);
  }
}
