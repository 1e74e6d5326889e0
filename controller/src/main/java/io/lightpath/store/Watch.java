package io.lightpath.store;

/** A running watch; closing it stops event delivery (events already queued may still arrive). */
public interface Watch extends AutoCloseable {

  @Override
  void close();
}
