package io.lightpath.southbound.emulator;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.gnmi.SubscribeResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects a Subscribe stream's messages in arrival order. Waits block on the queue (never
 * sleep); the long timeout only bounds a broken test.
 */
final class StreamCollector implements StreamObserver<SubscribeResponse> {
  /** Marks stream completion in the queue. */
  static final Object COMPLETED = new Object();
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  @Override
  public void onNext(SubscribeResponse value) {
    events.add(value);
  }

  @Override
  public void onError(Throwable t) {
    events.add(Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    events.add(COMPLETED);
  }

  /** The next event: a SubscribeResponse, a Status (error) or COMPLETED. */
  Object next() throws InterruptedException {
    Object o = events.poll(30, TimeUnit.SECONDS);
    assertNotNull(o, "no stream event within 30 s");
    return o;
  }

  /** The next message, which must be a response. */
  SubscribeResponse nextResponse() throws InterruptedException {
    Object o = next();
    if (!(o instanceof SubscribeResponse r)) {
      throw new AssertionError("expected a response, got " + o);
    }
    return r;
  }

  /** Skips responses up to and including the first sync_response; returns how many updates came. */
  int awaitSync() throws InterruptedException {
    int updates = 0;
    while (true) {
      SubscribeResponse r = nextResponse();
      if (r.getSyncResponse()) {
        return updates;
      }
      updates += r.getUpdate().getUpdateCount();
    }
  }

  /** True when nothing is queued right now. */
  boolean isEmpty() {
    return events.isEmpty();
  }
}
